namespace GraphReports.GraphQL.Types;

/// <summary>
/// A schema could not be built: its definition is inconsistent (unknown type names, duplicate names)
/// or breaks a rule of the specification's type system. <see cref="Errors"/> lists every problem found.
/// </summary>
public sealed class SchemaBuildException : Exception
{
    public SchemaBuildException(string message)
        : this([message])
    {
    }

    public SchemaBuildException(IReadOnlyList<string> errors)
        : base(errors.Count == 1 ? errors[0] : "The schema is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "- " + e)))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
