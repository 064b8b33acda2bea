using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Types;

public sealed partial class SchemaBuilder
{
    /// <summary>
    /// Builds a schema from SDL (as graphql-js's <c>buildSchema</c>): types, extensions, directive definitions,
    /// <c>@deprecated</c>, <c>@specifiedBy</c>, <c>@oneOf</c>, descriptions and default values. Fields resolve with
    /// <paramref name="resolvers"/> (keyed <c>"Type.field"</c>) or else the default resolver (dictionary key or
    /// CLR property of the field's name). Abstract types resolve through a <c>__typename</c> key or the CLR type name.
    /// </summary>
    /// <exception cref="Errors.GraphQLError">The SDL does not parse.</exception>
    /// <exception cref="SchemaBuildException">The SDL describes an invalid schema.</exception>
    public static GraphQLSchema FromSdl(string sdl, IReadOnlyDictionary<string, FieldResolver>? resolvers = null) =>
        FromSdlBuilder(sdl, resolvers).Build();

    /// <summary>As <see cref="FromSdl"/>, returning the builder so that more can be added in code before <see cref="Build"/>.</summary>
    public static SchemaBuilder FromSdlBuilder(string sdl, IReadOnlyDictionary<string, FieldResolver>? resolvers = null)
    {
        var document = Parser.Parse(sdl);
        var builder = new SchemaBuilder();
        var byName = new Dictionary<string, object>(StringComparer.Ordinal);
        SchemaDefinitionNode? schemaDefinition = null;
        var operationTypes = new List<OperationTypeDefinitionNode>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schema:
                    schemaDefinition = schema;
                    builder._description = schema.Description?.Value;
                    operationTypes.AddRange(schema.OperationTypes);
                    break;
                case SchemaExtensionNode extension:
                    operationTypes.AddRange(extension.OperationTypes);
                    break;
                case DirectiveDefinitionNode directive:
                    builder.Directive(directive.Name.Value, d =>
                    {
                        d.Description(directive.Description?.Value);
                        if (directive.Repeatable)
                        {
                            d.Repeatable();
                        }

                        foreach (var location in directive.Locations)
                        {
                            if (!DirectiveLocationNames.TryParse(location.Value, out var parsed))
                            {
                                throw new SchemaBuildException($"Unknown directive location \"{location.Value}\" on @{directive.Name.Value}.");
                            }

                            d.Locations(parsed);
                        }

                        foreach (var argument in directive.Arguments)
                        {
                            d.Argument(argument.Name.Value, Printer.Print(argument.Type), a => ConfigureInputValue(a, argument));
                        }
                    });
                    break;
                case TypeDefinitionNode type:
                    var created = CreateDefinition(type);
                    byName[type.Name.Value] = created;
                    builder._definitions.Add(created);
                    Extend(created, type, resolvers);
                    break;
                case TypeExtensionNode extension:
                    if (!byName.TryGetValue(extension.Name.Value, out var extended))
                    {
                        throw new SchemaBuildException($"Cannot extend type \"{extension.Name.Value}\" because it is not defined.");
                    }

                    Extend(extended, extension, resolvers);
                    break;
            }
        }

        if (schemaDefinition is null && operationTypes.Count == 0)
        {
            builder.Roots(
                byName.ContainsKey("Query") ? "Query" : null,
                byName.ContainsKey("Mutation") ? "Mutation" : null,
                byName.ContainsKey("Subscription") ? "Subscription" : null);
        }
        else
        {
            string? Root(OperationType operation) => operationTypes.LastOrDefault(o => o.Operation == operation)?.Type.Name.Value;
            builder.Roots(Root(OperationType.Query), Root(OperationType.Mutation), Root(OperationType.Subscription));
        }

        return builder;
    }

    private static object CreateDefinition(TypeDefinitionNode node) => node switch
    {
        ScalarTypeDefinitionNode s => new ScalarTypeBuilder(s.Name.Value).Description(s.Description?.Value),
        ObjectTypeDefinitionNode o => new ObjectTypeBuilder(o.Name.Value).Description(o.Description?.Value),
        InterfaceTypeDefinitionNode i => new InterfaceTypeBuilder(i.Name.Value).Description(i.Description?.Value),
        UnionTypeDefinitionNode u => new UnionTypeBuilder(u.Name.Value).Description(u.Description?.Value),
        EnumTypeDefinitionNode e => new EnumTypeBuilder(e.Name.Value).Description(e.Description?.Value),
        InputObjectTypeDefinitionNode i => new InputObjectTypeBuilder(i.Name.Value).Description(i.Description?.Value),
        _ => throw new SchemaBuildException($"Unexpected definition {node.Kind}."),
    };

    /// <summary>Adds the members of a definition or an extension node to the builder of its type.</summary>
    private static void Extend(object builder, Node node, IReadOnlyDictionary<string, FieldResolver>? resolvers)
    {
        var directives = (node as IHasDirectives)?.Directives ?? [];
        switch (builder, node)
        {
            case (ScalarTypeBuilder scalar, _):
                if (FindDirective(directives, "specifiedBy") is { } specifiedBy && ArgumentString(specifiedBy, "url") is { } url)
                {
                    scalar.SpecifiedBy(url);
                }

                break;
            case (ObjectTypeBuilder obj, ObjectTypeDefinitionNode definition):
                AddFields(obj, obj.Name, definition.Interfaces, definition.Fields, resolvers);
                break;
            case (ObjectTypeBuilder obj, ObjectTypeExtensionNode extension):
                AddFields(obj, obj.Name, extension.Interfaces, extension.Fields, resolvers);
                break;
            case (InterfaceTypeBuilder iface, InterfaceTypeDefinitionNode definition):
                AddFields(iface, iface.Name, definition.Interfaces, definition.Fields, resolvers);
                break;
            case (InterfaceTypeBuilder iface, InterfaceTypeExtensionNode extension):
                AddFields(iface, iface.Name, extension.Interfaces, extension.Fields, resolvers);
                break;
            case (UnionTypeBuilder union, UnionTypeDefinitionNode definition):
                union.Types(definition.Types.Select(t => t.Name.Value).ToArray());
                break;
            case (UnionTypeBuilder union, UnionTypeExtensionNode extension):
                union.Types(extension.Types.Select(t => t.Name.Value).ToArray());
                break;
            case (EnumTypeBuilder enumType, EnumTypeDefinitionNode definition):
                AddEnumValues(enumType, definition.Values);
                break;
            case (EnumTypeBuilder enumType, EnumTypeExtensionNode extension):
                AddEnumValues(enumType, extension.Values);
                break;
            case (InputObjectTypeBuilder input, InputObjectTypeDefinitionNode definition):
                AddInputFields(input, definition.Fields, directives);
                break;
            case (InputObjectTypeBuilder input, InputObjectTypeExtensionNode extension):
                AddInputFields(input, extension.Fields, directives);
                break;
            default:
                throw new SchemaBuildException($"Cannot extend {node.Kind} with a definition of another kind.");
        }
    }

    private static void AddFields<TSelf>(
        FieldsTypeBuilder<TSelf> builder,
        string typeName,
        IReadOnlyList<NamedTypeNode> interfaces,
        IReadOnlyList<FieldDefinitionNode> fields,
        IReadOnlyDictionary<string, FieldResolver>? resolvers)
        where TSelf : FieldsTypeBuilder<TSelf>
    {
        builder.Implements(interfaces.Select(i => i.Name.Value).ToArray());
        foreach (var field in fields)
        {
            builder.Field(field.Name.Value, Printer.Print(field.Type), f =>
            {
                f.Description(field.Description?.Value);
                if (DeprecationReason(field.Directives) is { } reason)
                {
                    f.Deprecated(reason);
                }

                foreach (var argument in field.Arguments)
                {
                    f.Argument(argument.Name.Value, Printer.Print(argument.Type), a => ConfigureInputValue(a, argument));
                }

                if (resolvers is not null && resolvers.TryGetValue($"{typeName}.{field.Name.Value}", out var resolver))
                {
                    f.Resolve(resolver);
                }
            });
        }
    }

    private static void AddEnumValues(EnumTypeBuilder builder, IReadOnlyList<EnumValueDefinitionNode> values)
    {
        foreach (var value in values)
        {
            builder.Value(value.Name.Value, null, v =>
            {
                v.Description(value.Description?.Value);
                if (DeprecationReason(value.Directives) is { } reason)
                {
                    v.Deprecated(reason);
                }
            });
        }
    }

    private static void AddInputFields(InputObjectTypeBuilder builder, IReadOnlyList<InputValueDefinitionNode> fields, IReadOnlyList<DirectiveNode> directives)
    {
        if (FindDirective(directives, "oneOf") is not null)
        {
            builder.OneOf();
        }

        foreach (var field in fields)
        {
            builder.Field(field.Name.Value, Printer.Print(field.Type), f => ConfigureInputValue(f, field));
        }
    }

    private static void ConfigureInputValue(InputValueBuilder builder, InputValueDefinitionNode node)
    {
        builder.Description(node.Description?.Value);
        if (node.DefaultValue is { } defaultValue)
        {
            builder.DefaultValueLiteral(defaultValue);
        }

        if (DeprecationReason(node.Directives) is { } reason)
        {
            builder.Deprecated(reason);
        }
    }

    private static DirectiveNode? FindDirective(IReadOnlyList<DirectiveNode> directives, string name) =>
        directives.FirstOrDefault(d => d.Name.Value == name);

    private static string? ArgumentString(DirectiveNode directive, string name) =>
        directive.Arguments.FirstOrDefault(a => a.Name.Value == name)?.Value is StringValueNode s ? s.Value : null;

    /// <summary>The reason of a <c>@deprecated</c> among <paramref name="directives"/> (its default when not given), or null.</summary>
    private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives) =>
        FindDirective(directives, "deprecated") is { } deprecated
            ? ArgumentString(deprecated, "reason") ?? SpecifiedDirectives.DefaultDeprecationReason
            : null;
}
