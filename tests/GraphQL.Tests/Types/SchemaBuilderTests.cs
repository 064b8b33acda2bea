using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Tests.TestSupport;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.GraphQL.Tests.Types;

/// <summary>The code-first builder: CLR-typed arguments, mapped enums, input objects as records, custom scalars.</summary>
public sealed class SchemaBuilderTests
{
    public enum Granularity
    {
        Day,
        IsoWeek,
        Month,
    }

    public sealed record Period(DateOnly From, DateOnly To, Granularity Granularity = Granularity.Day);

    private static readonly GraphQLSchema Schema = new SchemaBuilder()
        .Description("Usage reports.")
        .Enum<Granularity>(e => e.Description("Bucket size.").Value(Granularity.Month, configure: v => v.Deprecated("Use DAY.")))
        .Scalar("Date", s => s
            .Description("A calendar date.")
            .SpecifiedBy("https://tools.ietf.org/html/rfc3339")
            .Serialize(v => ((DateOnly)v).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .ParseValue(v => v is string s && DateOnly.TryParseExact(s, "yyyy-MM-dd", out var d) ? d : throw new GraphQLError($"Date cannot represent value: {v}")))
        .InputObject("PeriodInput", i => i
            .Field("from", "Date!")
            .Field("to", "Date!")
            .Field<Granularity>("granularity", f => f.DefaultValue(Granularity.Day)))
        .Directive("audit", d => d.Locations(GraphReports.GraphQL.Language.DirectiveLocation.FieldDefinition).Repeatable().Argument("level", "Int", a => a.DefaultValue(1)))
        .Query("Query", q => q
            .Field("echoPeriod", "String", f => f
                .Argument("period", "PeriodInput!")
                .Resolve(ctx =>
                {
                    var period = ctx.Argument<Period>("period");
                    return FormattableString.Invariant($"{period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd} by {period.Granularity}");
                }))
            .Field<Granularity>("granularity", f => f
                .Argument<Granularity?>("g", a => a.DefaultValue(Granularity.IsoWeek))
                .Resolve(ctx => ctx.Argument<Granularity?>("g")))
            .Field("sum", "Int", f => f
                .Argument<int[]>("values")
                .Argument<int>("offset", a => a.DefaultValue(0))
                .Resolve(ctx => ctx.Argument<int[]>("values").Sum() + ctx.Argument<int>("offset")))
            .Field("today", "Date", f => f.Resolve(_ => new DateOnly(2026, 11, 22))))
        .Build();

    [Fact]
    public void Clr_types_map_to_graphql_types()
    {
        var sum = ((GraphQLObjectType)Schema.GetType("Query")!).GetField("sum")!;

        Assert.Equal("[Int!]", sum.GetArgument("values")!.Type.ToString());
        Assert.Equal("Int!", sum.GetArgument("offset")!.Type.ToString());
        Assert.Equal(["DAY", "ISO_WEEK", "MONTH"], ((GraphQLEnumType)Schema.GetType("Granularity")!).Values.Select(v => v.Name));
    }

    [Fact]
    public async Task Typed_arguments_reach_resolvers_as_clr_values()
    {
        var json = await Run.JsonAsync(Schema, """
            { echoPeriod(period: {from: "2026-01-01", to: "2026-01-31", granularity: ISO_WEEK})
              granularity
              explicit: granularity(g: MONTH)
              sum(values: [1, 2, 3], offset: 4)
              today }
            """);

        Run.AssertJsonEqual(
            """{"echoPeriod":"2026-01-01..2026-01-31 by IsoWeek","granularity":"ISO_WEEK","explicit":"MONTH","sum":10,"today":"2026-11-22"}""",
            json["data"]);
    }

    [Fact]
    public async Task Custom_scalar_parse_error_is_reported_as_a_variable_error()
    {
        var result = await Run.ResultAsync(
            new RequestExecutor(Schema),
            "query($p: PeriodInput!) { echoPeriod(period: $p) }",
            new { p = new { from = "yesterday", to = "2026-01-31" } });

        Assert.Equal(RequestOutcome.CoercionFailed, result.Outcome);
        Assert.Equal("Variable \"$p\" got invalid value \"yesterday\" at \"p.from\"; Date cannot represent value: yesterday", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Builder_schema_prints_as_SDL()
    {
        var sdl = SchemaPrinter.Print(Schema);

        Assert.Equal(
            "\"\"\"Usage reports.\"\"\"\nschema {\n  query: Query\n}\n\n"
            + "directive @audit(level: Int = 1) repeatable on FIELD_DEFINITION\n\n"
            + "\"\"\"Bucket size.\"\"\"\nenum Granularity {\n  DAY\n  ISO_WEEK\n  MONTH @deprecated(reason: \"Use DAY.\")\n}\n\n"
            + "\"\"\"A calendar date.\"\"\"\nscalar Date @specifiedBy(url: \"https://tools.ietf.org/html/rfc3339\")\n\n"
            + "input PeriodInput {\n  from: Date!\n  to: Date!\n  granularity: Granularity! = DAY\n}\n\n"
            + "type Query {\n  echoPeriod(period: PeriodInput!): String\n  granularity(g: Granularity = ISO_WEEK): Granularity!\n  sum(values: [Int!], offset: Int! = 0): Int\n  today: Date\n}",
            sdl);
    }

    [Fact]
    public void Unmapped_clr_enum_is_a_clear_build_error()
    {
        var exception = Assert.Throws<SchemaBuildException>(() => new SchemaBuilder()
            .Query("Query", q => q.Field<DayOfWeek>("day"))
            .Build());

        Assert.Contains("The CLR enum DayOfWeek is not mapped: add it with Enum<DayOfWeek>()", exception.Message);
    }

    [Fact]
    public async Task OneOf_argument_accepts_exactly_one_field()
    {
        var schema = SchemaBuilder.FromSdl(
            "type Query { find(by: By!): String }\ninput By @oneOf { id: ID name: String }",
            new Dictionary<string, FieldResolver> { ["Query.find"] = ctx => new(string.Join(",", ctx.Argument<IReadOnlyDictionary<string, object?>>("by").Keys)) });

        var ok = await Run.JsonAsync(schema, """{ find(by: {name: "x"}) }""");
        var both = await Run.ResultAsync(new RequestExecutor(schema), """{ find(by: {id: 1, name: "x"}) }""");

        Run.AssertJsonEqual("""{"find":"name"}""", ok["data"]);
        Assert.Equal(RequestOutcome.ValidationFailed, both.Outcome);
    }
}
