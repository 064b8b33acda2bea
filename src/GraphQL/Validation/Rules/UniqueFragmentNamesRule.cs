using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Fragment Name Uniqueness: no two fragments of a document share a name.</summary>
public sealed class UniqueFragmentNamesRule(ValidationContext context) : ValidationVisitor(context)
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override VisitorAction Enter(Node node, Visitor path)
    {
        switch (node)
        {
            case OperationDefinitionNode:
                return VisitorAction.Skip;
            case FragmentDefinitionNode fragment:
                if (_known.TryGetValue(fragment.Name.Value, out var first))
                {
                    Context.ReportError($"There can be only one fragment named \"{fragment.Name.Value}\".", first, fragment.Name);
                }
                else
                {
                    _known[fragment.Name.Value] = fragment.Name;
                }
                return VisitorAction.Skip;
            default:
                return VisitorAction.Continue;
        }
    }
}
