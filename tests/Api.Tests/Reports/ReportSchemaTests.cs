using GraphReports.Analytics.Time;
using GraphReports.Api.Reports;
using GraphReports.Api.Reports.Schema;
using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Types;

namespace GraphReports.Api.Tests.Reports;

public class ReportSchemaTests
{
    private static readonly GraphQLSchema Schema = ReportSchema.Create(_ => throw new InvalidOperationException("not executed here"));

    [Fact]
    public void Every_type_field_argument_input_field_and_enum_value_has_a_description()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Schema.Description)) missing.Add("schema");
        foreach (var type in Schema.TypeMap.Values.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !BuiltInScalars.All.Any(s => s.Name == t.Name)))
        {
            if (string.IsNullOrWhiteSpace(type.Description)) missing.Add(type.Name);
            if (type is GraphQLFieldsType fields)
            {
                foreach (var field in fields.Fields.Values)
                {
                    if (string.IsNullOrWhiteSpace(field.Description)) missing.Add($"{type.Name}.{field.Name}");
                    missing.AddRange(field.Arguments.Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{type.Name}.{field.Name}({a.Name})"));
                }
            }
            if (type is GraphQLInputObjectType input)
                missing.AddRange(input.Fields.Values.Where(f => string.IsNullOrWhiteSpace(f.Description)).Select(f => $"{type.Name}.{f.Name}"));
            if (type is GraphQLEnumType enumType)
                missing.AddRange(enumType.Values.Where(v => string.IsNullOrWhiteSpace(v.Description)).Select(v => $"{type.Name}.{v.Name}"));
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_top_list_takes_a_limit_of_ten_by_default()
    {
        var topLists = Schema.TypeMap.Values.OfType<GraphQLObjectType>()
            .SelectMany(t => t.Fields.Values.Where(f => f.Name.StartsWith("top", StringComparison.Ordinal)).Select(f => (Type: t.Name, Field: f)))
            .ToList();
        Assert.Equal(12, topLists.Count); // engagement 1, search 6, downloads 1, collections 3, activity 1
        Assert.All(topLists, t => Assert.Equal(10, t.Field.GetArgument("limit")?.DefaultValue));
    }

    [Fact]
    public void The_root_has_only_the_credential_scoped_environment()
    {
        Assert.Equal(["environment"], Schema.QueryType!.Fields.Keys);
    }

    [Fact]
    public void Month_scalar_declares_its_specification()
    {
        var month = Assert.IsType<GraphQLScalarType>(Schema.GetType("Month"));
        Assert.False(string.IsNullOrEmpty(month.SpecifiedByUrl));
    }

    [Theory]
    [InlineData("2026-03", 2026, 3)]
    [InlineData("1999-12", 1999, 12)]
    public void A_month_is_read_from_YYYY_MM(string text, int year, int number)
    {
        var month = Assert.IsType<GraphQLScalarType>(Schema.GetType("Month"));
        Assert.Equal(new Month(year, number), month.ParseValue(text));
        Assert.Equal(text, month.Serialize(new Month(year, number)));
    }

    [Theory]
    [InlineData("2026-3")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-+3")]
    [InlineData(" 026-03")]
    [InlineData("2026/03")]
    [InlineData("2026-03-01")]
    public void A_month_not_written_YYYY_MM_is_refused_with_an_example(string text)
    {
        var month = Assert.IsType<GraphQLScalarType>(Schema.GetType("Month"));
        var error = Assert.Throws<GraphQLError>(() => month.ParseValue(text));
        Assert.Equal($"Month is written YYYY-MM with a month from 01 to 12, for example \"2026-03\"; got \"{text}\".", error.Message);
    }

    [Fact]
    public void A_month_given_as_a_number_is_refused()
    {
        var month = Assert.IsType<GraphQLScalarType>(Schema.GetType("Month"));
        Assert.Throws<GraphQLError>(() => month.ParseValue(202603));
    }

    [Fact]
    public void A_date_is_read_from_YYYY_MM_DD_and_a_bad_one_is_refused()
    {
        var date = Assert.IsType<GraphQLScalarType>(Schema.GetType("Date"));
        Assert.Equal(new DateOnly(2026, 2, 28), date.ParseValue("2026-02-28"));
        var error = Assert.Throws<GraphQLError>(() => date.ParseValue("2026-02-30"));
        Assert.Contains("YYYY-MM-DD", error.Message);
    }
}
