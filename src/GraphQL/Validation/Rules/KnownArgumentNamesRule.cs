using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Argument Names: every argument given to a field or directive is defined by it.</summary>
public sealed class KnownArgumentNamesRule : ValidationVisitor
{
    private readonly Dictionary<string, DirectiveDefinitionNode>? _documentDirectives;

    public KnownArgumentNamesRule(ValidationContext context)
        : base(context) => _documentDirectives = DocumentDirectives.Of(context.Document);

    public override VisitorAction Enter(Node node, Visitor path)
    {
        switch (node)
        {
            case DirectiveNode directive:
                string directiveName = directive.Name.Value;
                if (DirectiveArgumentNames(directiveName) is { } known)
                {
                    foreach (var argument in directive.Arguments)
                    {
                        string argumentName = argument.Name.Value;
                        if (!known.Contains(argumentName))
                        {
                            var suggestions = Context.HideSuggestions ? [] : Suggestions.SuggestionList(argumentName, known);
                            Context.ReportError(
                                $"Unknown argument \"{argumentName}\" on directive \"@{directiveName}\"." + Suggestions.DidYouMean(null, suggestions),
                                argument);
                        }
                    }
                }
                // Arguments of directives are checked here, not as field arguments below.
                return VisitorAction.Skip;
            case ArgumentNode argumentNode:
                if (Context.Argument is null && Context.FieldDef is { } fieldDef && Context.ParentType is { } parentType)
                {
                    string name = argumentNode.Name.Value;
                    var suggestions = Context.HideSuggestions ? [] : Suggestions.SuggestionList(name, fieldDef.Arguments.Select(a => a.Name));
                    Context.ReportError(
                        $"Unknown argument \"{name}\" on field \"{parentType.Name}.{fieldDef.Name}\"." + Suggestions.DidYouMean(null, suggestions),
                        argumentNode);
                }
                break;
        }
        return VisitorAction.Continue;
    }

    // The argument names of a directive defined in the document or the schema; null for unknown directives.
    private List<string>? DirectiveArgumentNames(string name) =>
        _documentDirectives is not null && _documentDirectives.TryGetValue(name, out var defined)
            ? defined.Arguments.Select(a => a.Name.Value).ToList()
            : Context.Schema.GetDirective(name)?.Arguments.Select(a => a.Name).ToList();
}
