using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Introspection;

/// <summary>
/// The meta fields no type declares: <c>__typename</c> on every composite type, <c>__schema</c> and
/// <c>__type(name:)</c> on the query root. <see cref="GraphQLSchema.GetField"/> finds them.
/// </summary>
public static class MetaFields
{
    public static GraphQLField Schema { get; } = new("__schema", new GraphQLNonNull(IntrospectionTypes.Schema), "Access the current type schema of this server.")
    {
        Resolver = context => new ValueTask<object?>(context.Schema),
    };

    public static GraphQLField Type { get; } = CreateTypeField();

    public static GraphQLField TypeName { get; } = new("__typename", new GraphQLNonNull(BuiltInScalars.String), "The name of the current Object type at runtime.")
    {
        Resolver = context => new ValueTask<object?>(context.ParentType.Name),
    };

    public static bool IsMetaField(string name) => name is "__typename" or "__schema" or "__type";

    private static GraphQLField CreateTypeField()
    {
        var field = new GraphQLField("__type", IntrospectionTypes.Type, "Request the type information of a single type.")
        {
            Resolver = context => new ValueTask<object?>(context.Schema.GetType(context.Argument<string>("name"))),
        };
        field.AddArgument(new GraphQLArgument("name", new GraphQLNonNull(BuiltInScalars.String)));
        return field;
    }
}
