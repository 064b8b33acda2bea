using GraphReports.GraphQL.Validation.Rules;

namespace GraphReports.GraphQL.Validation;

/// <summary>
/// The validation rules of the specification in graphql-js 16's order (chosen so that the first
/// errors reported are the clearest), followed by the recommended introspection depth limit.
/// </summary>
public static class SpecifiedRules
{
    // Declared first: static initializers run in order and All includes these.
    /// <summary>Rules beyond the specification that graphql-js applies by default.</summary>
    public static IReadOnlyList<ValidationRule> RecommendedRules { get; } =
    [
        context => new MaxIntrospectionDepthRule(context),
    ];

    public static IReadOnlyList<ValidationRule> All { get; } =
    [
        context => new ExecutableDefinitionsRule(context),
        context => new UniqueOperationNamesRule(context),
        context => new LoneAnonymousOperationRule(context),
        context => new SingleFieldSubscriptionsRule(context),
        context => new KnownTypeNamesRule(context),
        context => new FragmentsOnCompositeTypesRule(context),
        context => new VariablesAreInputTypesRule(context),
        context => new ScalarLeafsRule(context),
        context => new FieldsOnCorrectTypeRule(context),
        context => new UniqueFragmentNamesRule(context),
        context => new KnownFragmentNamesRule(context),
        context => new NoUnusedFragmentsRule(context),
        context => new PossibleFragmentSpreadsRule(context),
        context => new NoFragmentCyclesRule(context),
        context => new UniqueVariableNamesRule(context),
        context => new NoUndefinedVariablesRule(context),
        context => new NoUnusedVariablesRule(context),
        context => new KnownDirectivesRule(context),
        context => new UniqueDirectivesPerLocationRule(context),
        context => new KnownArgumentNamesRule(context),
        context => new UniqueArgumentNamesRule(context),
        context => new ValuesOfCorrectTypeRule(context),
        context => new ProvidedRequiredArgumentsRule(context),
        context => new VariablesInAllowedPositionRule(context),
        context => new OverlappingFieldsCanBeMergedRule(context),
        context => new UniqueInputFieldNamesRule(context),
        .. RecommendedRules,
    ];
}
