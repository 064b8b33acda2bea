namespace GraphReports.GraphQL.Types;

/// <summary>The type predicates and unwrapping helpers of graphql-js (<c>isInputType</c>, <c>getNamedType</c>...).</summary>
public static class TypePredicates
{
    /// <summary>Scalars, enums and input objects, possibly wrapped in lists and non-null.</summary>
    public static bool IsInputType(GraphQLType? type) =>
        GetNamedTypeOrNull(type) is GraphQLScalarType or GraphQLEnumType or GraphQLInputObjectType;

    /// <summary>Scalars, objects, interfaces, unions and enums, possibly wrapped.</summary>
    public static bool IsOutputType(GraphQLType? type) =>
        GetNamedTypeOrNull(type) is GraphQLScalarType or GraphQLObjectType or GraphQLInterfaceType or GraphQLUnionType or GraphQLEnumType;

    /// <summary>Scalar or enum (not wrapped).</summary>
    public static bool IsLeafType(GraphQLType? type) => type is GraphQLScalarType or GraphQLEnumType;

    /// <summary>Object, interface or union (not wrapped).</summary>
    public static bool IsCompositeType(GraphQLType? type) => type is GraphQLObjectType or GraphQLInterfaceType or GraphQLUnionType;

    /// <summary>Interface or union.</summary>
    public static bool IsAbstractType(GraphQLType? type) => type is GraphQLInterfaceType or GraphQLUnionType;

    public static bool IsWrappingType(GraphQLType? type) => type is GraphQLList or GraphQLNonNull;

    public static bool IsNullableType(GraphQLType? type) => type is not null and not GraphQLNonNull;

    public static bool IsNonNullType(GraphQLType? type) => type is GraphQLNonNull;

    public static bool IsListType(GraphQLType? type) => type is GraphQLList;

    /// <summary>A non-null argument without default value.</summary>
    public static bool IsRequiredArgument(GraphQLArgument argument) => argument.IsRequired;

    /// <summary>A non-null input field without default value.</summary>
    public static bool IsRequiredInputField(GraphQLInputField field) => field.IsRequired;

    /// <summary>The type without its outer non-null wrapper.</summary>
    public static GraphQLType GetNullableType(GraphQLType type) => type is GraphQLNonNull nonNull ? nonNull.OfType : type;

    /// <summary>The named type inside every list and non-null wrapper.</summary>
    public static GraphQLNamedType GetNamedType(GraphQLType type)
    {
        while (true)
        {
            switch (type)
            {
                case GraphQLNamedType named:
                    return named;
                case GraphQLList list:
                    type = list.OfType;
                    break;
                case GraphQLNonNull nonNull:
                    type = nonNull.OfType;
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected type {type}.");
            }
        }
    }

    /// <summary>As <see cref="GetNamedType"/>, null for null.</summary>
    public static GraphQLNamedType? GetNamedTypeOrNull(GraphQLType? type) => type is null ? null : GetNamedType(type);

    /// <summary>Whether the two references denote the same type (same wrappers around the same named type).</summary>
    public static bool IsEqualType(GraphQLType a, GraphQLType b) => (a, b) switch
    {
        _ when ReferenceEquals(a, b) => true,
        (GraphQLNonNull x, GraphQLNonNull y) => IsEqualType(x.OfType, y.OfType),
        (GraphQLList x, GraphQLList y) => IsEqualType(x.OfType, y.OfType),
        (GraphQLNamedType x, GraphQLNamedType y) => x.Name == y.Name && ReferenceEquals(x, y),
        _ => false,
    };

    /// <summary>
    /// Whether a value of <paramref name="maybeSubType"/> is always a valid <paramref name="superType"/>
    /// (covariance of field types in interface implementations, variables in allowed positions).
    /// </summary>
    public static bool IsTypeSubTypeOf(GraphQLSchema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        if (ReferenceEquals(maybeSubType, superType))
        {
            return true;
        }

        if (superType is GraphQLNonNull superNonNull)
        {
            return maybeSubType is GraphQLNonNull subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is GraphQLNonNull nonNull)
        {
            return IsTypeSubTypeOf(schema, nonNull.OfType, superType);
        }

        if (superType is GraphQLList superList)
        {
            return maybeSubType is GraphQLList subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        }

        if (maybeSubType is GraphQLList)
        {
            return false;
        }

        return superType is IGraphQLAbstractType abstractType
            && maybeSubType is GraphQLObjectType or GraphQLInterfaceType
            && schema.IsSubType(abstractType, (GraphQLNamedType)maybeSubType);
    }

    /// <summary>Whether some object type could be both <paramref name="a"/> and <paramref name="b"/> (composite types).</summary>
    public static bool DoTypesOverlap(GraphQLSchema schema, GraphQLNamedType a, GraphQLNamedType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is IGraphQLAbstractType abstractA)
        {
            if (b is IGraphQLAbstractType abstractB)
            {
                return schema.GetPossibleTypes(abstractA).Any(t => schema.IsSubType(abstractB, t));
            }

            return schema.IsSubType(abstractA, b);
        }

        return b is IGraphQLAbstractType other && schema.IsSubType(other, a);
    }
}
