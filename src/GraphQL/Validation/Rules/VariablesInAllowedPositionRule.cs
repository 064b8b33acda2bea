using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;
using GraphReports.GraphQL.Validation.Utilities;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>
/// All Variable Usages Are Allowed: a variable's type fits every position it is used in (a nullable
/// variable may fill a non-null position only when it or the position has a default), and variables
/// filling a <c>@oneOf</c> field are non-null.
/// </summary>
public sealed class VariablesInAllowedPositionRule(ValidationContext context) : ValidationVisitor(context)
{
    private readonly Dictionary<string, VariableDefinitionNode> _definitions = new(StringComparer.Ordinal);

    public override VisitorAction Enter(Node node, Visitor path)
    {
        switch (node)
        {
            case OperationDefinitionNode:
                _definitions.Clear();
                break;
            case VariableDefinitionNode definition:
                _definitions[definition.Variable.Name.Value] = definition;
                break;
        }
        return VisitorAction.Continue;
    }

    public override VisitorAction Leave(Node node, Visitor path)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return VisitorAction.Continue;
        }
        foreach (var usage in Context.GetRecursiveVariableUsages(operation))
        {
            string name = usage.Node.Name.Value;
            if (!_definitions.TryGetValue(name, out var definition) || usage.Type is not { } locationType)
            {
                continue;
            }
            var variableType = TypeFromAst.Resolve(Context.Schema, definition.Type);
            if (variableType is null)
            {
                continue;
            }
            if (!IsAllowed(variableType, definition.DefaultValue, locationType, usage.DefaultValueOwner is not null))
            {
                Context.ReportError(
                    $"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{locationType}\".",
                    definition, usage.Node);
            }
            if (usage.ParentType is GraphQLInputObjectType { IsOneOf: true } oneOf && TypePredicates.IsNullableType(variableType))
            {
                Context.ReportError(
                    $"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf}\".",
                    definition, usage.Node);
            }
        }
        return VisitorAction.Continue;
    }

    private bool IsAllowed(GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, bool locationHasDefault)
    {
        if (locationType is GraphQLNonNull nonNullLocation && variableType is not GraphQLNonNull)
        {
            bool hasNonNullVariableDefault = variableDefault is not null and not NullValueNode;
            if (!hasNonNullVariableDefault && !locationHasDefault)
            {
                return false;
            }
            return TypePredicates.IsTypeSubTypeOf(Context.Schema, variableType, nonNullLocation.OfType);
        }
        return TypePredicates.IsTypeSubTypeOf(Context.Schema, variableType, locationType);
    }
}
