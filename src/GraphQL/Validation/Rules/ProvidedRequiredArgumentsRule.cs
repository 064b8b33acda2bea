using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Required Arguments: every non-null argument without a default is given, on fields and directives.</summary>
public sealed class ProvidedRequiredArgumentsRule : ValidationVisitor
{
    private readonly Dictionary<string, DirectiveDefinitionNode>? _documentDirectives;

    public ProvidedRequiredArgumentsRule(ValidationContext context)
        : base(context) => _documentDirectives = DocumentDirectives.Of(context.Document);

    public override VisitorAction Leave(Node node, Visitor path)
    {
        switch (node)
        {
            case FieldNode field:
                if (Context.FieldDef is not { } fieldDef)
                {
                    break;
                }
                var arguments = fieldDef.Arguments;
                for (int i = 0; i < arguments.Count; i++)
                {
                    var argument = arguments[i];
                    if (argument.IsRequired && !IsGiven(field.Arguments, argument.Name))
                    {
                        Context.ReportError(
                            $"Field \"{fieldDef.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.",
                            field);
                    }
                }
                break;
            case DirectiveNode directive:
                string name = directive.Name.Value;
                if (RequiredDirectiveArguments(name) is { } required)
                {
                    foreach (var (argumentName, type) in required)
                    {
                        if (!IsGiven(directive.Arguments, argumentName))
                        {
                            Context.ReportError(
                                $"Directive \"@{name}\" argument \"{argumentName}\" of type \"{type}\" is required, but it was not provided.",
                                directive);
                        }
                    }
                }
                break;
        }
        return VisitorAction.Continue;
    }

    private static bool IsGiven(IReadOnlyList<ArgumentNode> arguments, string name)
    {
        for (int i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Name.Value == name)
            {
                return true;
            }
        }
        return false;
    }

    // Required arguments (name, printed type) of a directive defined in the document or the schema.
    private List<(string Name, string Type)>? RequiredDirectiveArguments(string name) =>
        _documentDirectives is not null && _documentDirectives.TryGetValue(name, out var defined)
            ? defined.Arguments.Where(a => a.Type is NonNullTypeNode && a.DefaultValue is null).Select(a => (a.Name.Value, Printer.Print(a.Type))).ToList()
            : Context.Schema.GetDirective(name)?.Arguments.Where(a => a.IsRequired).Select(a => (a.Name, a.Type.ToString())).ToList();
}
