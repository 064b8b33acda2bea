using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class ExecutableDefinitionsRuleTests
{
    private static readonly ValidationRule Rule = context => new ExecutableDefinitionsRule(context);

    [Fact]
    public void Operations_and_fragments_are_executable() =>
        AssertValid(Rule, """{ dog { ...F } } fragment F on Dog { name }""");

    [Fact]
    public void A_type_definition_is_reported_by_name() =>
        AssertErrors(Rule, """query Q { dog { name } } type Cow { name: String }""",
            Error("The \"Cow\" definition is not executable.", "1:26"));

    [Fact]
    public void Schema_definitions_and_extensions_are_reported_as_schema() =>
        AssertErrors(Rule, """{ dog { name } } schema { query: QueryRoot } extend schema @onQuery""",
            Error("The schema definition is not executable.", "1:18"),
            Error("The schema definition is not executable.", "1:46"));

    [Fact]
    public void Extensions_and_directive_definitions_are_reported_too() =>
        AssertErrors(Rule, """{ dog { name } } extend type Dog { color: String } directive @d on FIELD""",
            Error("The \"Dog\" definition is not executable.", "1:18"),
            Error("The \"d\" definition is not executable.", "1:52"));
}
