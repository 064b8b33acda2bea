using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Validation;

/// <summary>
/// Checks that a document can run against a schema: walks it once, running every rule in parallel
/// with a shared <see cref="TypeInfo"/>, and collects their errors in document order (graphql-js's
/// <c>validate</c>).
/// </summary>
public static class DocumentValidator
{
    /// <summary>The message of the error that ends the list when more than the allowed number were found.</summary>
    public const string TooManyErrorsMessage = "Too many validation errors, error limit reached. Validation aborted.";

    /// <summary>
    /// Validates <paramref name="document"/>; an empty list means it is valid. After
    /// <paramref name="maxErrors"/> errors validation stops and one more error says so.
    /// </summary>
    /// <param name="schema">The schema the document must fit.</param>
    /// <param name="document">A parsed document.</param>
    /// <param name="rules">The rules to apply; <see cref="SpecifiedRules.All"/> when null.</param>
    /// <param name="maxErrors">Most errors reported before validation aborts (graphql-js's default is 100).</param>
    /// <param name="hideSuggestions">Leaves "Did you mean ...?" hints out of messages.</param>
    public static IReadOnlyList<GraphQLError> Validate(
        GraphQLSchema schema,
        DocumentNode document,
        IReadOnlyList<ValidationRule>? rules = null,
        int maxErrors = 100,
        bool hideSuggestions = false)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<GraphQLError>();
        var typeInfo = new TypeInfo(schema);
        var context = new ValidationContext(schema, document, typeInfo, error =>
        {
            if (errors.Count >= maxErrors)
            {
                errors.Add(new GraphQLError(TooManyErrorsMessage));
                throw new ErrorLimitReached();
            }
            errors.Add(error);
        }, hideSuggestions);

        var visitors = (rules ?? SpecifiedRules.All).Select(rule => rule(context)).ToList();
        try
        {
            Visitor.Visit(document, new TypeInfoVisitor(typeInfo, new ParallelVisitor(visitors), context));
        }
        catch (ErrorLimitReached)
        {
        }
        catch (ValidationAbortedException)
        {
            errors.Add(new GraphQLError("Validation aborted."));
        }
        return errors;
    }

    private sealed class ErrorLimitReached : Exception
    {
    }

    // Keeps the TypeInfo in step around the rules, and leaves descriptions out: the specification
    // says they must not affect validation. On the way it notes the variables each operation and
    // fragment uses, with their positions' types, for the variable rules.
    private sealed class TypeInfoVisitor(TypeInfo typeInfo, IAstVisitor rules, ValidationContext context) : IAstVisitor
    {
        private List<VariableUsage>? _usages;
        private int _variableDefinitionDepth;

        public VisitorAction Enter(Node node, Visitor path)
        {
            if (node is StringValueNode && IsDescription(path.Parent, node))
            {
                return VisitorAction.Skip;
            }
            typeInfo.Enter(node);
            RecordUsages(node, path, entering: true);
            var action = rules.Enter(node, path);
            if (action != VisitorAction.Continue)
            {
                typeInfo.Leave(node);
            }
            return action;
        }

        public VisitorAction Leave(Node node, Visitor path)
        {
            RecordUsages(node, path, entering: false);
            var action = rules.Leave(node, path);
            typeInfo.Leave(node);
            return action;
        }

        private void RecordUsages(Node node, Visitor path, bool entering)
        {
            switch (node)
            {
                case ExecutableDefinitionNode definition when path.Parent is DocumentNode:
                    if (entering)
                    {
                        _usages = [];
                    }
                    else if (_usages is not null)
                    {
                        context.RecordVariableUsages(definition, _usages);
                        _usages = null;
                    }
                    break;
                case VariableDefinitionNode:
                    _variableDefinitionDepth += entering ? 1 : -1; // defaults are not usages
                    break;
                case VariableNode variable when entering && _variableDefinitionDepth == 0:
                    _usages?.Add(new VariableUsage(variable, typeInfo.InputType, typeInfo.DefaultValueOwner, typeInfo.ParentInputType));
                    break;
            }
        }

        private static bool IsDescription(Node? parent, Node node) => parent switch
        {
            ExecutableDefinitionNode p => ReferenceEquals(p.Description, node),
            VariableDefinitionNode p => ReferenceEquals(p.Description, node),
            SchemaDefinitionNode p => ReferenceEquals(p.Description, node),
            TypeDefinitionNode p => ReferenceEquals(p.Description, node),
            FieldDefinitionNode p => ReferenceEquals(p.Description, node),
            InputValueDefinitionNode p => ReferenceEquals(p.Description, node),
            EnumValueDefinitionNode p => ReferenceEquals(p.Description, node),
            DirectiveDefinitionNode p => ReferenceEquals(p.Description, node),
            _ => false,
        };
    }
}
