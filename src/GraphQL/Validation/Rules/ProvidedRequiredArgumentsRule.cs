using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Required Arguments: every non-null argument without a default is given, on fields and directives.</summary>
public sealed class ProvidedRequiredArgumentsRule : ValidationVisitor
{
    // Directive name -> its required arguments (name, printed type).
    private readonly Dictionary<string, List<(string Name, string Type)>> _requiredDirectiveArguments = new(StringComparer.Ordinal);

    public ProvidedRequiredArgumentsRule(ValidationContext context)
        : base(context)
    {
        foreach (var directive in context.Schema.Directives)
        {
            _requiredDirectiveArguments[directive.Name] = directive.Arguments
                .Where(a => a.IsRequired)
                .Select(a => (a.Name, a.Type.ToString()))
                .ToList();
        }
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                _requiredDirectiveArguments[directive.Name.Value] = directive.Arguments
                    .Where(a => a.Type is NonNullTypeNode && a.DefaultValue is null)
                    .Select(a => (a.Name.Value, Printer.Print(a.Type)))
                    .ToList();
            }
        }
    }

    public override VisitorAction Leave(Node node, Visitor path)
    {
        switch (node)
        {
            case FieldNode field:
                if (Context.FieldDef is not { } fieldDef)
                {
                    break;
                }
                foreach (var argument in fieldDef.Arguments)
                {
                    if (argument.IsRequired && !field.Arguments.Any(a => a.Name.Value == argument.Name))
                    {
                        Context.ReportError(
                            $"Field \"{fieldDef.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.",
                            field);
                    }
                }
                break;
            case DirectiveNode directive:
                string name = directive.Name.Value;
                if (_requiredDirectiveArguments.TryGetValue(name, out var required))
                {
                    foreach (var (argumentName, type) in required)
                    {
                        if (!directive.Arguments.Any(a => a.Name.Value == argumentName))
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
}
