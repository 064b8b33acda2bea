using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.GraphQL.Types;

/// <summary>
/// Builds a <see cref="GraphQLSchema"/> in code. Types refer to each other by name (written as in SDL,
/// <c>"[Episode!]!"</c>) or by CLR type, in any order; <see cref="Build"/> resolves the names and checks
/// every type-system rule of the specification, listing all problems in one <see cref="SchemaBuildException"/>.
/// <code>
/// var schema = new SchemaBuilder()
///     .Query("Query", q => q
///         .Field("hero", "Character", f => f
///             .Argument&lt;Episode?&gt;("episode", a => a.Description("Whose hero."))
///             .ResolveAsync(ctx => repository.GetHeroAsync(ctx.Argument&lt;Episode?&gt;("episode")))))
///     .Enum&lt;Episode&gt;()
///     .Build();
/// </code>
/// </summary>
public sealed partial class SchemaBuilder
{
    private readonly List<object> _definitions = [];
    private readonly List<DirectiveBuilder> _directives = [];
    private readonly List<Action> _pendingDefaults = [];
    private string? _description;
    private string? _queryName;
    private string? _mutationName;
    private string? _subscriptionName;
    private string[]? _leadingTypes;

    /// <summary>Sets the schema's description (introspection's <c>__Schema.description</c>).</summary>
    public SchemaBuilder Description(string? description)
    {
        _description = description;
        return this;
    }

    /// <summary>Defines the object type <paramref name="name"/> and makes it the query root.</summary>
    public SchemaBuilder Query(string name, Action<ObjectTypeBuilder> configure)
    {
        _queryName = name;
        return Object(name, configure);
    }

    /// <summary>Defines the object type <paramref name="name"/> and makes it the mutation root (its fields run one after another).</summary>
    public SchemaBuilder Mutation(string name, Action<ObjectTypeBuilder> configure)
    {
        _mutationName = name;
        return Object(name, configure);
    }

    /// <summary>Defines the object type <paramref name="name"/> and makes it the subscription root.</summary>
    public SchemaBuilder Subscription(string name, Action<ObjectTypeBuilder> configure)
    {
        _subscriptionName = name;
        return Object(name, configure);
    }

    /// <summary>Makes the already defined object types the operation roots (null leaves a root unset).</summary>
    public SchemaBuilder Roots(string? query, string? mutation = null, string? subscription = null)
    {
        _queryName = query;
        _mutationName = mutation;
        _subscriptionName = subscription;
        return this;
    }

    /// <summary>
    /// The types handed to the schema ahead of its roots, in this order (graphql-js's <c>types</c> option), which
    /// decides the order of introspection's <c>types</c> and of the printed SDL. By default every defined type is
    /// handed over in definition order, as graphql-js's <c>buildSchema</c> does.
    /// </summary>
    public SchemaBuilder Types(params string[] typeNames)
    {
        _leadingTypes = typeNames;
        return this;
    }

    /// <summary>Defines an object type.</summary>
    public SchemaBuilder Object(string name, Action<ObjectTypeBuilder> configure) => Add(new ObjectTypeBuilder(name), configure);

    /// <summary>Defines an interface type.</summary>
    public SchemaBuilder Interface(string name, Action<InterfaceTypeBuilder> configure) => Add(new InterfaceTypeBuilder(name), configure);

    /// <summary>Defines a union type.</summary>
    public SchemaBuilder Union(string name, Action<UnionTypeBuilder> configure) => Add(new UnionTypeBuilder(name), configure);

    /// <summary>Defines an enum type with explicit values.</summary>
    public SchemaBuilder Enum(string name, Action<EnumTypeBuilder> configure) => Add(new EnumTypeBuilder(name), configure);

    /// <summary>
    /// Maps the CLR enum <typeparamref name="TEnum"/> to a GraphQL enum named <paramref name="name"/> (default: the
    /// CLR name); fields and arguments typed <typeparamref name="TEnum"/> then use it.
    /// </summary>
    public SchemaBuilder Enum<TEnum>(Action<EnumTypeBuilder<TEnum>>? configure = null, string? name = null)
        where TEnum : struct, System.Enum
    {
        var typed = new EnumTypeBuilder<TEnum>();
        configure?.Invoke(typed);
        _definitions.Add(typed.ToUntyped(name ?? typeof(TEnum).Name));
        return this;
    }

    /// <summary>Defines an input object type.</summary>
    public SchemaBuilder InputObject(string name, Action<InputObjectTypeBuilder> configure) => Add(new InputObjectTypeBuilder(name), configure);

    /// <summary>Defines a custom scalar.</summary>
    public SchemaBuilder Scalar(string name, Action<ScalarTypeBuilder> configure) => Add(new ScalarTypeBuilder(name), configure);

    /// <summary>Defines a custom directive (the specified directives are always present).</summary>
    public SchemaBuilder Directive(string name, Action<DirectiveBuilder> configure)
    {
        var builder = new DirectiveBuilder(name);
        configure(builder);
        _directives.Add(builder);
        return this;
    }

    /// <summary>Resolves every type reference, checks the specification's type-system rules and returns the schema.</summary>
    /// <exception cref="SchemaBuildException">Lists every problem found.</exception>
    public GraphQLSchema Build()
    {
        var errors = new List<string>();
        _pendingDefaults.Clear();
        var types = new OrderedDictionary<string, GraphQLNamedType>(StringComparer.Ordinal);
        var clrEnums = new Dictionary<Type, string>();
        foreach (var definition in _definitions)
        {
            var type = CreateType(definition);
            if (!types.TryAdd(type.Name, type))
            {
                errors.Add($"There can be only one type named \"{type.Name}\".");
            }

            if (definition is EnumTypeBuilder { Clr: { } clr })
            {
                clrEnums[clr] = type.Name;
            }
        }

        GraphQLNamedType? Lookup(string name) =>
            types.GetValueOrDefault(name) ?? BuiltInScalars.All.FirstOrDefault(s => s.Name == name);

        GraphQLType? Resolve(TypeReference reference, string where)
        {
            try
            {
                return reference.Resolve(Lookup, clr => clrEnums.GetValueOrDefault(clr));
            }
            catch (SchemaBuildException exception)
            {
                errors.Add($"{exception.Message.TrimEnd('.')} (in {where}).");
                return null;
            }
        }

        foreach (var definition in _definitions)
        {
            Fill(definition, types, Resolve, errors);
        }

        // As graphql-js's buildSchema: the schema's own directives first, then the specified ones it does not redefine.
        var directives = new List<GraphQLDirective>();
        foreach (var builder in _directives)
        {
            var directive = new GraphQLDirective(builder.Name, builder.LocationList.ToList(), builder.DescriptionText, builder.IsRepeatable)
            {
                DeprecationReason = builder.DeprecationReason,
            };
            foreach (var argument in builder.Arguments)
            {
                if (CreateInputValue(argument, (n, t, d) => new GraphQLArgument(n, t, d), Resolve, $"@{builder.Name}({argument.Name}:)", errors) is { } created)
                {
                    Try(() => directive.WithArgument(created), errors);
                }
            }

            directives.Add(directive);
        }

        directives.AddRange(SpecifiedDirectives.All.Where(d => directives.All(own => own.Name != d.Name)));

        // Defaults are coerced once every type is complete: a default may name values of types defined later.
        foreach (var applyDefault in _pendingDefaults)
        {
            applyDefault();
        }

        GraphQLObjectType? Root(string? name, string operation)
        {
            if (name is null)
            {
                return null;
            }

            if (Lookup(name) is GraphQLObjectType root)
            {
                return root;
            }

            errors.Add($"{operation} root type must be Object type, it cannot be {name}.");
            return null;
        }

        var query = Root(_queryName ?? (types.ContainsKey("Query") ? "Query" : null), "Query");
        var mutation = Root(_mutationName, "Mutation");
        var subscription = Root(_subscriptionName, "Subscription");
        if (errors.Count > 0)
        {
            throw new SchemaBuildException(errors);
        }

        var leading = _leadingTypes is null ? types.Values.ToList() : _leadingTypes.Select(n => types.GetValueOrDefault(n)).OfType<GraphQLNamedType>().ToList();
        var schema = new GraphQLSchema(query, mutation, subscription, leading, directives, _description);
        var problems = SchemaValidator.Validate(schema);
        if (problems.Count > 0)
        {
            throw new SchemaBuildException(problems);
        }

        return schema;
    }

    private SchemaBuilder Add<T>(T builder, Action<T> configure)
    {
        configure(builder);
        _definitions.Add(builder!);
        return this;
    }

    private static GraphQLNamedType CreateType(object definition) => definition switch
    {
        ObjectTypeBuilder o => new GraphQLObjectType(o.Name, o.DescriptionText) { IsTypeOf = o.IsTypeOfFunc, ClrType = o.Clr },
        InterfaceTypeBuilder i => new GraphQLInterfaceType(i.Name, i.DescriptionText) { ResolveType = i.Resolver },
        UnionTypeBuilder u => new GraphQLUnionType(u.Name, u.DescriptionText) { ResolveType = u.Resolver },
        EnumTypeBuilder e => new GraphQLEnumType(e.Name, e.DescriptionText) { ClrType = e.Clr },
        InputObjectTypeBuilder i => new GraphQLInputObjectType(i.Name, i.DescriptionText) { IsOneOf = i.IsOneOf },
        ScalarTypeBuilder s => new GraphQLScalarType(s.Name, s.DescriptionText, s.SerializeFunc, s.ParseValueFunc, s.ParseLiteralFunc, s.SpecifiedByUrl),
        _ => throw new InvalidOperationException($"Unexpected definition {definition.GetType().Name}."),
    };

    private void Fill(
        object definition,
        IReadOnlyDictionary<string, GraphQLNamedType> types,
        Func<TypeReference, string, GraphQLType?> resolve,
        List<string> errors)
    {
        switch (definition)
        {
            case ObjectTypeBuilder o:
                FillFields((GraphQLFieldsType)types[o.Name], o.Fields, o.InterfaceNames, types, resolve, errors);
                break;
            case InterfaceTypeBuilder i:
                FillFields((GraphQLFieldsType)types[i.Name], i.Fields, i.InterfaceNames, types, resolve, errors);
                break;
            case UnionTypeBuilder u:
                var union = (GraphQLUnionType)types[u.Name];
                foreach (var member in u.MemberNames)
                {
                    switch (types.GetValueOrDefault(member) ?? BuiltInScalars.All.FirstOrDefault(s => s.Name == member))
                    {
                        case GraphQLObjectType obj:
                            union.AddType(obj);
                            break;
                        case null:
                            errors.Add($"Unknown type \"{member}\" (in union {u.Name}).");
                            break;
                        case var other:
                            errors.Add($"Union type {u.Name} can only include Object types, it cannot include {other.Name}.");
                            break;
                    }
                }

                break;
            case EnumTypeBuilder e:
                var enumType = (GraphQLEnumType)types[e.Name];
                foreach (var value in e.Values)
                {
                    Try(() => enumType.AddValue(new GraphQLEnumValue(value.Name, value.Value, value.DescriptionText) { DeprecationReason = value.DeprecationReason }), errors);
                }

                break;
            case InputObjectTypeBuilder i:
                var inputType = (GraphQLInputObjectType)types[i.Name];
                foreach (var field in i.Fields)
                {
                    if (CreateInputValue(field, (n, t, d) => new GraphQLInputField(n, t, d), resolve, $"{i.Name}.{field.Name}", errors) is { } created)
                    {
                        Try(() => inputType.AddField(created), errors);
                    }
                }

                break;
        }
    }

    private void FillFields(
        GraphQLFieldsType type,
        List<FieldBuilder> fields,
        List<string> interfaceNames,
        IReadOnlyDictionary<string, GraphQLNamedType> types,
        Func<TypeReference, string, GraphQLType?> resolve,
        List<string> errors)
    {
        foreach (var name in interfaceNames)
        {
            switch (types.GetValueOrDefault(name))
            {
                case GraphQLInterfaceType implemented:
                    type.AddInterface(implemented);
                    break;
                case null:
                    errors.Add($"Unknown type \"{name}\" (in the interfaces of {type.Name}).");
                    break;
                case var other:
                    errors.Add($"Type {type.Name} must only implement Interface types, it cannot implement {other.Name}.");
                    break;
            }
        }

        foreach (var builder in fields)
        {
            var fieldType = resolve(builder.Type, $"{type.Name}.{builder.Name}");
            if (fieldType is null)
            {
                continue;
            }

            var field = new GraphQLField(builder.Name, fieldType, builder.DescriptionText)
            {
                DeprecationReason = builder.DeprecationReason,
                Resolver = builder.Resolver,
                Cost = builder.CostWeight,
                AssumedSize = builder.AssumedListSize,
                SizeArguments = builder.SizeArguments,
                CostFunction = builder.CostFunction,
                ListSizeFunction = builder.ListSizeFunction,
            };
            foreach (var argument in builder.Arguments)
            {
                if (CreateInputValue(argument, (n, t, d) => new GraphQLArgument(n, t, d), resolve, $"{type.Name}.{builder.Name}({argument.Name}:)", errors) is { } created)
                {
                    Try(() => field.AddArgument(created), errors);
                }
            }

            Try(() => type.AddField(field), errors);
        }
    }

    private T? CreateInputValue<T>(
        InputValueBuilder builder,
        Func<string, GraphQLType, string?, T> create,
        Func<TypeReference, string, GraphQLType?> resolve,
        string where,
        List<string> errors)
        where T : GraphQLInputValue
    {
        var type = resolve(builder.Type, where);
        if (type is null)
        {
            return null;
        }

        var value = create(builder.Name, type, builder.DescriptionText);
        value.DeprecationReason = builder.DeprecationReason;
        if (builder.HasDefault)
        {
            if (!TypePredicates.IsInputType(type))
            {
                return value;
            }

            if (builder.DefaultLiteral is { } literal)
            {
                _pendingDefaults.Add(() =>
                {
                    if (ValueFromAst.TryCoerce(literal, type, null, out var coerced))
                    {
                        value.SetDefaultValue(coerced);
                    }
                    else
                    {
                        errors.Add($"{where} has invalid default value: {Language.Printer.Print(literal)}.");
                    }
                });
            }
            else
            {
                value.SetDefaultValue(builder.Default);
            }
        }

        return value;
    }

    private static void Try(Action action, List<string> errors)
    {
        try
        {
            action();
        }
        catch (SchemaBuildException exception)
        {
            errors.AddRange(exception.Errors);
        }
    }
}
