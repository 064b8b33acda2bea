namespace GraphReports.GraphQL.Types;

/// <summary>The eight kinds of types, as introspection's <c>__TypeKind</c> names them.</summary>
public enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}

/// <summary>
/// Any type of the type system: a named type, or a list / non-null wrapper around one.
/// <see cref="ToString"/> prints the type reference as SDL writes it (<c>[Int!]!</c>).
/// </summary>
public abstract class GraphQLType
{
    private protected GraphQLType()
    {
    }

    public abstract TypeKind Kind { get; }

    public abstract override string ToString();
}

/// <summary>A type that has a name: scalar, object, interface, union, enum or input object.</summary>
public abstract class GraphQLNamedType : GraphQLType
{
    private protected GraphQLNamedType(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; internal set; }

    public override string ToString() => Name;
}

/// <summary>A list of values of <see cref="OfType"/>.</summary>
public sealed class GraphQLList : GraphQLType
{
    public GraphQLList(GraphQLType ofType) => OfType = ofType ?? throw new ArgumentNullException(nameof(ofType));

    public GraphQLType OfType { get; }

    public override TypeKind Kind => TypeKind.List;

    public override string ToString() => $"[{OfType}]";
}

/// <summary>A value of <see cref="OfType"/> that is never null. Wrapping a non-null type again is refused.</summary>
public sealed class GraphQLNonNull : GraphQLType
{
    public GraphQLNonNull(GraphQLType ofType)
    {
        ArgumentNullException.ThrowIfNull(ofType);
        if (ofType is GraphQLNonNull)
        {
            throw new ArgumentException($"Expected {ofType} to be a nullable type.", nameof(ofType));
        }

        OfType = ofType;
    }

    public GraphQLType OfType { get; }

    public override TypeKind Kind => TypeKind.NonNull;

    public override string ToString() => $"{OfType}!";
}
