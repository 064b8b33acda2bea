using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Argument Names: every argument given to a field or directive is defined by it.</summary>
public sealed class KnownArgumentNamesRule : ValidationVisitor
{
    private readonly Dictionary<string, List<string>> _directiveArguments = new(StringComparer.Ordinal);

    public KnownArgumentNamesRule(ValidationContext context)
        : base(context)
    {
        foreach (var directive in context.Schema.Directives)
        {
            _directiveArguments[directive.Name] = directive.Arguments.Select(a => a.Name).ToList();
        }
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                _directiveArguments[directive.Name.Value] = directive.Arguments.Select(a => a.Name.Value).ToList();
            }
        }
    }

    public override VisitorAction Enter(Node node, Visitor path)
    {
        switch (node)
        {
            case DirectiveNode directive:
                string directiveName = directive.Name.Value;
                if (_directiveArguments.TryGetValue(directiveName, out var known))
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
}
