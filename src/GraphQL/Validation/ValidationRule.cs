using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Validation;

/// <summary>
/// A validation rule: given the context of one validation, a visitor that reports the rule's errors
/// through <see cref="ValidationContext.ReportError(Errors.GraphQLError)"/> while the document is walked.
/// </summary>
public delegate IAstVisitor ValidationRule(ValidationContext context);

/// <summary>Base of the rules' visitors: override the enter and leave callbacks the rule needs.</summary>
public abstract class ValidationVisitor(ValidationContext context) : IAstVisitor
{
    protected ValidationContext Context { get; } = context;

    public virtual VisitorAction Enter(Node node, Visitor path) => VisitorAction.Continue;

    public virtual VisitorAction Leave(Node node, Visitor path) => VisitorAction.Continue;
}
