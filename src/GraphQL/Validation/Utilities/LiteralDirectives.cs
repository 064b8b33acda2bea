using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation.Utilities;

/// <summary>
/// <c>@skip</c> and <c>@include</c> as far as they can be decided without variables: only a literal
/// <c>if: true</c> / <c>if: false</c> excludes a selection.
/// </summary>
public static class LiteralDirectives
{
    public static bool ShouldInclude(SelectionNode selection)
    {
        foreach (var directive in selection.Directives)
        {
            bool? condition = directive.Arguments.FirstOrDefault(a => a.Name.Value == "if")?.Value is BooleanValueNode b ? b.Value : null;
            if (directive.Name.Value == "skip" && condition == true)
            {
                return false;
            }
            if (directive.Name.Value == "include" && condition == false)
            {
                return false;
            }
        }
        return true;
    }
}
