using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.GraphQL.Introspection;

/// <summary>
/// The introspection types of the specification (<c>__Schema</c>, <c>__Type</c>, ...) with their resolvers.
/// Every schema contains them; their values are the type-system objects themselves.
/// </summary>
public static class IntrospectionTypes
{
    static IntrospectionTypes()
    {
        var nonNullString = new GraphQLNonNull(BuiltInScalars.String);
        var nonNullBoolean = new GraphQLNonNull(BuiltInScalars.Boolean);

        TypeKind = new GraphQLEnumType("__TypeKind", "An enum describing what kind of type a given `__Type` is.");
        AddEnumValue(TypeKind, "SCALAR", Types.TypeKind.Scalar, "Indicates this type is a scalar.");
        AddEnumValue(TypeKind, "OBJECT", Types.TypeKind.Object, "Indicates this type is an object. `fields` and `interfaces` are valid fields.");
        AddEnumValue(TypeKind, "INTERFACE", Types.TypeKind.Interface, "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields.");
        AddEnumValue(TypeKind, "UNION", Types.TypeKind.Union, "Indicates this type is a union. `possibleTypes` is a valid field.");
        AddEnumValue(TypeKind, "ENUM", Types.TypeKind.Enum, "Indicates this type is an enum. `enumValues` is a valid field.");
        AddEnumValue(TypeKind, "INPUT_OBJECT", Types.TypeKind.InputObject, "Indicates this type is an input object. `inputFields` is a valid field.");
        AddEnumValue(TypeKind, "LIST", Types.TypeKind.List, "Indicates this type is a list. `ofType` is a valid field.");
        AddEnumValue(TypeKind, "NON_NULL", Types.TypeKind.NonNull, "Indicates this type is a non-null. `ofType` is a valid field.");

        DirectiveLocation = new GraphQLEnumType("__DirectiveLocation", "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.");
        foreach (var (location, description) in LocationDescriptions)
        {
            AddEnumValue(DirectiveLocation, location.Name(), location, description);
        }

        Type = new GraphQLObjectType("__Type", "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.");
        Field = new GraphQLObjectType("__Field", "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.");
        InputValue = new GraphQLObjectType("__InputValue", "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.");
        EnumValue = new GraphQLObjectType("__EnumValue", "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.");
        Directive = new GraphQLObjectType("__Directive", "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.");
        Schema = new GraphQLObjectType("__Schema", "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.");

        var typeRef = new GraphQLNonNull(Type);
        var typeList = new GraphQLNonNull(new GraphQLList(typeRef));

        AddField(Schema, "description", BuiltInScalars.String, null, c => c.SourceAs<GraphQLSchema>().Description);
        AddField(Schema, "types", typeList, "A list of all types supported by this server.", c => c.SourceAs<GraphQLSchema>().TypeMap.Values.ToList());
        AddField(Schema, "queryType", typeRef, "The type that query operations will be rooted at.", c => c.SourceAs<GraphQLSchema>().QueryType);
        AddField(Schema, "mutationType", Type, "If this server supports mutation, the type that mutation operations will be rooted at.", c => c.SourceAs<GraphQLSchema>().MutationType);
        AddField(Schema, "subscriptionType", Type, "If this server support subscription, the type that subscription operations will be rooted at.", c => c.SourceAs<GraphQLSchema>().SubscriptionType);
        // graphql-js 16.15 declares includeDeprecated here too (non-null); no directive of ours can be deprecated.
        AddDeprecatedFilter(
            AddField(Schema, "directives", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Directive))), "A list of all directives supported by this server.", c => c.SourceAs<GraphQLSchema>().Directives.Where(d => IncludeDeprecated(c) || !d.IsDeprecated).ToList()),
            nonNull: true);

        AddField(Type, "kind", new GraphQLNonNull(TypeKind), null, c => c.SourceAs<GraphQLType>().Kind);
        AddField(Type, "name", BuiltInScalars.String, null, c => (c.Source as GraphQLNamedType)?.Name);
        AddField(Type, "description", BuiltInScalars.String, null, c => (c.Source as GraphQLNamedType)?.Description);
        AddField(Type, "specifiedByURL", BuiltInScalars.String, null, c => (c.Source as GraphQLScalarType)?.SpecifiedByUrl);
        AddDeprecatedFilter(AddField(Type, "fields", new GraphQLList(new GraphQLNonNull(Field)), null, c => c.Source is GraphQLFieldsType t
            ? t.Fields.Values.Where(f => IncludeDeprecated(c) || !f.IsDeprecated).ToList()
            : null));
        AddField(Type, "interfaces", new GraphQLList(typeRef), null, c => (c.Source as GraphQLFieldsType)?.Interfaces);
        AddField(Type, "possibleTypes", new GraphQLList(typeRef), null, c => c.Source is IGraphQLAbstractType a ? c.Schema.GetPossibleTypes(a) : null);
        AddDeprecatedFilter(AddField(Type, "enumValues", new GraphQLList(new GraphQLNonNull(EnumValue)), null, c => c.Source is GraphQLEnumType t
            ? t.Values.Where(v => IncludeDeprecated(c) || !v.IsDeprecated).ToList()
            : null));
        AddDeprecatedFilter(AddField(Type, "inputFields", new GraphQLList(new GraphQLNonNull(InputValue)), null, c => c.Source is GraphQLInputObjectType t
            ? t.Fields.Values.Where(f => IncludeDeprecated(c) || !f.IsDeprecated).ToList()
            : null));
        AddField(Type, "ofType", Type, null, c => c.Source switch
        {
            GraphQLList l => l.OfType,
            GraphQLNonNull n => n.OfType,
            _ => null,
        });
        AddField(Type, "isOneOf", BuiltInScalars.Boolean, null, c => c.Source is GraphQLInputObjectType t ? t.IsOneOf : null);

        AddField(Field, "name", nonNullString, null, c => c.SourceAs<GraphQLField>().Name);
        AddField(Field, "description", BuiltInScalars.String, null, c => c.SourceAs<GraphQLField>().Description);
        AddDeprecatedFilter(AddField(Field, "args", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(InputValue))), null, c =>
            c.SourceAs<GraphQLField>().Arguments.Where(a => IncludeDeprecated(c) || !a.IsDeprecated).ToList()));
        AddField(Field, "type", typeRef, null, c => c.SourceAs<GraphQLField>().Type);
        AddField(Field, "isDeprecated", nonNullBoolean, null, c => c.SourceAs<GraphQLField>().IsDeprecated);
        AddField(Field, "deprecationReason", BuiltInScalars.String, null, c => c.SourceAs<GraphQLField>().DeprecationReason);

        AddField(InputValue, "name", nonNullString, null, c => c.SourceAs<GraphQLInputValue>().Name);
        AddField(InputValue, "description", BuiltInScalars.String, null, c => c.SourceAs<GraphQLInputValue>().Description);
        AddField(InputValue, "type", typeRef, null, c => c.SourceAs<GraphQLInputValue>().Type);
        AddField(InputValue, "defaultValue", BuiltInScalars.String, "A GraphQL-formatted string representing the default value for this input value.", c => PrintDefaultValue(c.SourceAs<GraphQLInputValue>()));
        AddField(InputValue, "isDeprecated", nonNullBoolean, null, c => c.SourceAs<GraphQLInputValue>().IsDeprecated);
        AddField(InputValue, "deprecationReason", BuiltInScalars.String, null, c => c.SourceAs<GraphQLInputValue>().DeprecationReason);

        AddField(EnumValue, "name", nonNullString, null, c => c.SourceAs<GraphQLEnumValue>().Name);
        AddField(EnumValue, "description", BuiltInScalars.String, null, c => c.SourceAs<GraphQLEnumValue>().Description);
        AddField(EnumValue, "isDeprecated", nonNullBoolean, null, c => c.SourceAs<GraphQLEnumValue>().IsDeprecated);
        AddField(EnumValue, "deprecationReason", BuiltInScalars.String, null, c => c.SourceAs<GraphQLEnumValue>().DeprecationReason);

        AddField(Directive, "name", nonNullString, null, c => c.SourceAs<GraphQLDirective>().Name);
        AddField(Directive, "description", BuiltInScalars.String, null, c => c.SourceAs<GraphQLDirective>().Description);
        AddField(Directive, "isRepeatable", nonNullBoolean, null, c => c.SourceAs<GraphQLDirective>().IsRepeatable);
        AddField(Directive, "locations", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(DirectiveLocation))), null, c => c.SourceAs<GraphQLDirective>().Locations);
        AddDeprecatedFilter(AddField(Directive, "args", new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(InputValue))), null, c =>
            c.SourceAs<GraphQLDirective>().Arguments.Where(a => IncludeDeprecated(c) || !a.IsDeprecated).ToList()));
        AddField(Directive, "isDeprecated", nonNullBoolean, null, c => c.SourceAs<GraphQLDirective>().IsDeprecated);
        AddField(Directive, "deprecationReason", BuiltInScalars.String, null, c => c.SourceAs<GraphQLDirective>().DeprecationReason);
    }

    public static GraphQLObjectType Schema { get; }

    public static GraphQLObjectType Type { get; }

    public static GraphQLObjectType Field { get; }

    public static GraphQLObjectType InputValue { get; }

    public static GraphQLObjectType EnumValue { get; }

    public static GraphQLObjectType Directive { get; }

    public static GraphQLEnumType TypeKind { get; }

    public static GraphQLEnumType DirectiveLocation { get; }

    /// <summary>The introspection types, in graphql-js's order.</summary>
    public static IReadOnlyList<GraphQLNamedType> All => [Schema, Directive, DirectiveLocation, Type, Field, InputValue, EnumValue, TypeKind];

    public static bool IsIntrospectionType(GraphQLNamedType type) => All.Any(t => ReferenceEquals(t, type));

    private static IEnumerable<(Language.DirectiveLocation Location, string Description)> LocationDescriptions =>
    [
        (Language.DirectiveLocation.Query, "Location adjacent to a query operation."),
        (Language.DirectiveLocation.Mutation, "Location adjacent to a mutation operation."),
        (Language.DirectiveLocation.Subscription, "Location adjacent to a subscription operation."),
        (Language.DirectiveLocation.Field, "Location adjacent to a field."),
        (Language.DirectiveLocation.FragmentDefinition, "Location adjacent to a fragment definition."),
        (Language.DirectiveLocation.FragmentSpread, "Location adjacent to a fragment spread."),
        (Language.DirectiveLocation.InlineFragment, "Location adjacent to an inline fragment."),
        (Language.DirectiveLocation.VariableDefinition, "Location adjacent to a variable definition."),
        (Language.DirectiveLocation.Schema, "Location adjacent to a schema definition."),
        (Language.DirectiveLocation.Scalar, "Location adjacent to a scalar definition."),
        (Language.DirectiveLocation.Object, "Location adjacent to an object type definition."),
        (Language.DirectiveLocation.FieldDefinition, "Location adjacent to a field definition."),
        (Language.DirectiveLocation.ArgumentDefinition, "Location adjacent to an argument definition."),
        (Language.DirectiveLocation.Interface, "Location adjacent to an interface definition."),
        (Language.DirectiveLocation.Union, "Location adjacent to a union definition."),
        (Language.DirectiveLocation.Enum, "Location adjacent to an enum definition."),
        (Language.DirectiveLocation.EnumValue, "Location adjacent to an enum value definition."),
        (Language.DirectiveLocation.InputObject, "Location adjacent to an input object type definition."),
        (Language.DirectiveLocation.InputFieldDefinition, "Location adjacent to an input object field definition."),
        (Language.DirectiveLocation.DirectiveDefinition, "Location adjacent to a directive definition."),
    ];

    /// <summary>The default value as introspection's <c>defaultValue</c> shows it: the printed literal, or null.</summary>
    public static string? PrintDefaultValue(GraphQLInputValue value) =>
        value.HasDefaultValue && AstFromValue.Convert(value.DefaultValue, value.Type) is { } literal ? Printer.Print(literal) : null;

    private static bool IncludeDeprecated(ResolveFieldContext context) =>
        context.Arguments.TryGetValue("includeDeprecated", out var include) && include is true;

    private static void AddEnumValue(GraphQLEnumType type, string name, object value, string description) =>
        type.AddValue(new GraphQLEnumValue(name, value, description));

    private static GraphQLField AddField(GraphQLObjectType type, string name, GraphQLType fieldType, string? description, Func<ResolveFieldContext, object?> resolve)
    {
        var field = new GraphQLField(name, fieldType, description) { Resolver = context => new ValueTask<object?>(resolve(context)) };
        type.AddField(field);
        return field;
    }

    private static void AddDeprecatedFilter(GraphQLField field, bool nonNull = false)
    {
        var argument = new GraphQLArgument("includeDeprecated", nonNull ? new GraphQLNonNull(BuiltInScalars.Boolean) : BuiltInScalars.Boolean);
        argument.SetDefaultValue(false);
        field.AddArgument(argument);
    }
}
