using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Argument Uniqueness: a field or directive is given each argument once.</summary>
public sealed class UniqueArgumentNamesRule(ValidationContext context) : ValidationVisitor(context)
{
    public override VisitorAction Enter(Node node, Visitor path)
    {
        var arguments = node switch
        {
            FieldNode field => field.Arguments,
            DirectiveNode directive => directive.Arguments,
            _ => null,
        };
        if (arguments is { Count: > 1 })
        {
            foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal))
            {
                if (group.Count() > 1)
                {
                    Context.ReportError($"There can be only one argument named \"{group.Key}\".", group.Select(a => (Node)a.Name).ToArray());
                }
            }
        }
        return VisitorAction.Continue;
    }
}
