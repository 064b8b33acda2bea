using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.GraphQL.Validation.Rules;

/// <summary>Fragment Spread Type Existence and variable types: every named type a document mentions exists.</summary>
public sealed class KnownTypeNamesRule : ValidationVisitor
{
    // Built-in scalars and introspection types: type definitions in a document may use them.
    private static readonly string[] StandardTypeNames =
    [
        "String", "Int", "Float", "Boolean", "ID",
        "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind",
    ];

    private readonly HashSet<string> _definedTypes = new(StringComparer.Ordinal);
    private List<string>? _typeNames;

    public KnownTypeNamesRule(ValidationContext context)
        : base(context)
    {
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is TypeDefinitionNode type)
            {
                _definedTypes.Add(type.Name.Value);
            }
        }
    }

    public override VisitorAction Enter(Node node, Visitor path)
    {
        if (node is not NamedTypeNode named)
        {
            return VisitorAction.Continue;
        }
        string typeName = named.Name.Value;
        if (Context.Schema.GetType(typeName) is not null || _definedTypes.Contains(typeName))
        {
            return VisitorAction.Continue;
        }
        var definition = path.Ancestors.Count > 1 ? path.Ancestors[1] : path.Parent;
        bool isSdl = definition is TypeSystemDefinitionNode or TypeSystemExtensionNode;
        if (isSdl && StandardTypeNames.Contains(typeName))
        {
            return VisitorAction.Continue;
        }
        // Suggestion candidates are gathered only once an unknown type is met: most documents have none.
        _typeNames ??= [.. Context.Schema.TypeMap.Keys, .. _definedTypes];
        var suggestions = Context.HideSuggestions
            ? []
            : Suggestions.SuggestionList(typeName, isSdl ? StandardTypeNames.Concat(_typeNames).Distinct() : _typeNames);
        Context.ReportError($"Unknown type \"{typeName}\"." + Suggestions.DidYouMean(null, suggestions), named);
        return VisitorAction.Continue;
    }
}
