namespace GraphReports.GraphQL.Execution;

/// <summary>
/// Produces the value of a field. May complete synchronously (return a completed <see cref="ValueTask{TResult}"/>)
/// or asynchronously. Throw <see cref="Errors.GraphQLError"/> (or a type registered as user-facing) for a
/// message the client may see; any other exception reaches the client only as "Unexpected error.".
/// </summary>
public delegate ValueTask<object?> FieldResolver(ResolveFieldContext context);
