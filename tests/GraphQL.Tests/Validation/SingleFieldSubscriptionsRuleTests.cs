using GraphReports.GraphQL.Validation;
using GraphReports.GraphQL.Validation.Rules;
using static GraphReports.GraphQL.Tests.Validation.Harness;

namespace GraphReports.GraphQL.Tests.Validation;

public class SingleFieldSubscriptionsRuleTests
{
    private static readonly ValidationRule Rule = context => new SingleFieldSubscriptionsRule(context);

    [Fact]
    public void One_root_field_is_fine() =>
        AssertValid(Rule, """subscription S { importantEmails }""");

    [Fact]
    public void A_fragment_adding_nothing_new_is_fine() =>
        AssertValid(Rule, """subscription S { ...F } fragment F on SubscriptionRoot { importantEmails }""");

    [Fact]
    public void Extra_root_fields_are_reported() =>
        AssertErrors(Rule, """subscription S { importantEmails notImportantEmails newDog { name } }""",
            Error("Subscription \"S\" must select only one top level field.", "1:34", "1:53"));

    [Fact]
    public void Fields_from_fragments_count() =>
        AssertErrors(Rule, """subscription { importantEmails ...F } fragment F on SubscriptionRoot { notImportantEmails }""",
            Error("Anonymous Subscription must select only one top level field.", "1:72"));

    [Fact]
    public void A_field_skipped_by_a_literal_condition_does_not_count() =>
        AssertValid(Rule, """subscription S { importantEmails notImportantEmails @skip(if: true) }""");

    [Fact]
    public void Introspection_root_fields_are_refused() =>
        AssertErrors(Rule, """subscription S { __typename }""",
            Error("Subscription \"S\" must not select an introspection top level field.", "1:18"));

    [Fact]
    public void Anonymous_subscriptions_are_named_so_in_messages() =>
        AssertErrors(Rule, """subscription { __typename importantEmails }""",
            Error("Anonymous Subscription must select only one top level field.", "1:27"),
            Error("Anonymous Subscription must not select an introspection top level field.", "1:16"));
}
