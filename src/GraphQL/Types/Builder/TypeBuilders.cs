using GraphReports.GraphQL.Execution;
using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Types;

/// <summary>Configures an object or interface type: description, fields and implemented interfaces.</summary>
public abstract class FieldsTypeBuilder<TSelf>
    where TSelf : FieldsTypeBuilder<TSelf>
{
    private protected FieldsTypeBuilder(string name) => Name = name;

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal List<FieldBuilder> Fields { get; } = [];

    internal List<string> InterfaceNames { get; } = [];

    /// <summary>Sets the type's description.</summary>
    public TSelf Description(string? description)
    {
        DescriptionText = description;
        return (TSelf)this;
    }

    /// <summary>Declares interfaces the type implements (their fields must be repeated on this type).</summary>
    public TSelf Implements(params string[] interfaceNames)
    {
        InterfaceNames.AddRange(interfaceNames);
        return (TSelf)this;
    }

    /// <summary>Adds a field whose type is written as in SDL (<c>"Character"</c>, <c>"[Episode]!"</c>).</summary>
    public TSelf Field(string name, string type, Action<FieldBuilder>? configure = null)
    {
        var field = new FieldBuilder(name, TypeReference.Parse(type));
        configure?.Invoke(field);
        Fields.Add(field);
        return (TSelf)this;
    }

    /// <summary>Adds a field typed after a CLR type (see <see cref="FieldBuilder.Argument{T}"/> for the mapping).</summary>
    public TSelf Field<T>(string name, Action<FieldBuilder>? configure = null)
    {
        var field = new FieldBuilder(name, TypeReference.FromClr(typeof(T)));
        configure?.Invoke(field);
        Fields.Add(field);
        return (TSelf)this;
    }

    /// <summary>Adds a synchronous field typed after a CLR type, resolved from the parent value.</summary>
    public TSelf Field<TSource, T>(string name, Func<TSource, T> resolve, Action<FieldBuilder>? configure = null)
    {
        var field = new FieldBuilder(name, TypeReference.FromClr(typeof(T)));
        field.Resolve(context => resolve(context.SourceAs<TSource>()));
        configure?.Invoke(field);
        Fields.Add(field);
        return (TSelf)this;
    }
}

/// <summary>Configures an object type.</summary>
public sealed class ObjectTypeBuilder : FieldsTypeBuilder<ObjectTypeBuilder>
{
    internal ObjectTypeBuilder(string name)
        : base(name)
    {
    }

    internal Func<object, bool>? IsTypeOfFunc { get; private set; }

    internal Type? Clr { get; private set; }

    /// <summary>Tells whether a runtime value is of this type (used to resolve interfaces and unions).</summary>
    public ObjectTypeBuilder IsTypeOf(Func<object, bool> isTypeOf)
    {
        IsTypeOfFunc = isTypeOf;
        return this;
    }

    /// <summary>Values of this CLR type (or derived) are of this object type when an abstract type is resolved.</summary>
    public ObjectTypeBuilder ClrType<T>()
    {
        Clr = typeof(T);
        return this;
    }
}

/// <summary>Configures an interface type.</summary>
public sealed class InterfaceTypeBuilder : FieldsTypeBuilder<InterfaceTypeBuilder>
{
    internal InterfaceTypeBuilder(string name)
        : base(name)
    {
    }

    internal TypeResolver? Resolver { get; private set; }

    /// <summary>Names the object type of a value (null to fall back on <c>IsTypeOf</c>, <c>__typename</c>, or the CLR type).</summary>
    public InterfaceTypeBuilder ResolveType(Func<object, string?> resolveType)
    {
        Resolver = (value, _) => resolveType(value);
        return this;
    }

    /// <inheritdoc cref="ResolveType(Func{object, string})"/>
    public InterfaceTypeBuilder ResolveType(TypeResolver resolveType)
    {
        Resolver = resolveType;
        return this;
    }
}

/// <summary>Configures a union type.</summary>
public sealed class UnionTypeBuilder
{
    internal UnionTypeBuilder(string name) => Name = name;

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal List<string> MemberNames { get; } = [];

    internal TypeResolver? Resolver { get; private set; }

    /// <summary>Sets the union's description.</summary>
    public UnionTypeBuilder Description(string? description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Adds member object types, by name.</summary>
    public UnionTypeBuilder Types(params string[] objectTypeNames)
    {
        MemberNames.AddRange(objectTypeNames);
        return this;
    }

    /// <summary>Names the object type of a value (null to fall back on <c>IsTypeOf</c>, <c>__typename</c>, or the CLR type).</summary>
    public UnionTypeBuilder ResolveType(Func<object, string?> resolveType)
    {
        Resolver = (value, _) => resolveType(value);
        return this;
    }
}

/// <summary>Configures one enum value.</summary>
public sealed class EnumValueBuilder
{
    internal EnumValueBuilder(string name, object? value)
    {
        Name = name;
        Value = value;
    }

    internal string Name { get; }

    internal object? Value { get; }

    internal string? DescriptionText { get; private set; }

    internal string? DeprecationReason { get; private set; }

    /// <summary>Sets the value's description.</summary>
    public EnumValueBuilder Description(string? description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Marks the value <c>@deprecated</c>.</summary>
    public EnumValueBuilder Deprecated(string? reason = SpecifiedDirectives.DefaultDeprecationReason)
    {
        DeprecationReason = reason ?? SpecifiedDirectives.DefaultDeprecationReason;
        return this;
    }
}

/// <summary>Configures an enum type whose values stand for internal values of any kind (by default their names).</summary>
public sealed class EnumTypeBuilder
{
    internal EnumTypeBuilder(string name) => Name = name;

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal List<EnumValueBuilder> Values { get; } = [];

    internal Type? Clr { get; set; }

    /// <summary>Sets the enum's description.</summary>
    public EnumTypeBuilder Description(string? description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Adds a value; resolvers see <paramref name="value"/> (the name itself when omitted).</summary>
    public EnumTypeBuilder Value(string name, object? value = null, Action<EnumValueBuilder>? configure = null)
    {
        var builder = new EnumValueBuilder(name, value ?? name);
        configure?.Invoke(builder);
        Values.Add(builder);
        return this;
    }
}

/// <summary>
/// Configures a GraphQL enum mapped from the CLR enum <typeparamref name="TEnum"/>: every member becomes a
/// value named in CONSTANT_CASE (<c>NewHope</c> is <c>NEW_HOPE</c>) unless renamed; resolvers see and return members.
/// </summary>
public sealed class EnumTypeBuilder<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, (string? Name, Action<EnumValueBuilder>? Configure, bool Ignored)> _members = [];

    internal EnumTypeBuilder()
    {
    }

    internal string? DescriptionText { get; private set; }

    /// <summary>Sets the enum's description.</summary>
    public EnumTypeBuilder<TEnum> Description(string? description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Renames and/or configures the value of <paramref name="member"/>.</summary>
    public EnumTypeBuilder<TEnum> Value(TEnum member, string? name = null, Action<EnumValueBuilder>? configure = null)
    {
        _members[member] = (name, configure, false);
        return this;
    }

    /// <summary>Leaves <paramref name="member"/> out of the GraphQL enum.</summary>
    public EnumTypeBuilder<TEnum> Ignore(TEnum member)
    {
        _members[member] = (null, null, true);
        return this;
    }

    internal EnumTypeBuilder ToUntyped(string name)
    {
        var builder = new EnumTypeBuilder(name) { Clr = typeof(TEnum) };
        builder.Description(DescriptionText);
        foreach (var member in Enum.GetValues<TEnum>())
        {
            _members.TryGetValue(member, out var settings);
            if (settings.Ignored)
            {
                continue;
            }

            builder.Value(settings.Name ?? ConstantCase.ToConstantCase(member.ToString()), member, settings.Configure);
        }

        return builder;
    }
}

/// <summary>Configures an input object type.</summary>
public sealed class InputObjectTypeBuilder
{
    internal InputObjectTypeBuilder(string name) => Name = name;

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal List<InputValueBuilder> Fields { get; } = [];

    internal bool IsOneOf { get; private set; }

    /// <summary>Sets the input object's description.</summary>
    public InputObjectTypeBuilder Description(string? description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Adds a field whose type is written as in SDL.</summary>
    public InputObjectTypeBuilder Field(string name, string type, Action<InputValueBuilder>? configure = null)
    {
        var field = new InputValueBuilder(name, TypeReference.Parse(type));
        configure?.Invoke(field);
        Fields.Add(field);
        return this;
    }

    /// <summary>Adds a field typed after a CLR type.</summary>
    public InputObjectTypeBuilder Field<T>(string name, Action<InputValueBuilder>? configure = null)
    {
        var field = new InputValueBuilder(name, TypeReference.FromClr(typeof(T)));
        configure?.Invoke(field);
        Fields.Add(field);
        return this;
    }

    /// <summary>Marks the input object <c>@oneOf</c>: exactly one field, not null, must be given (fields must be nullable without defaults).</summary>
    public InputObjectTypeBuilder OneOf()
    {
        IsOneOf = true;
        return this;
    }
}

/// <summary>Configures a custom scalar.</summary>
public sealed class ScalarTypeBuilder
{
    internal ScalarTypeBuilder(string name) => Name = name;

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal string? SpecifiedByUrl { get; private set; }

    internal Func<object, object?> SerializeFunc { get; private set; } = value => value;

    internal Func<object, object?> ParseValueFunc { get; private set; } = value => value;

    internal LiteralParser? ParseLiteralFunc { get; private set; }

    /// <summary>Sets the scalar's description.</summary>
    public ScalarTypeBuilder Description(string? description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>URL of the scalar's specification (<c>@specifiedBy(url:)</c>, introspection's <c>specifiedByURL</c>).</summary>
    public ScalarTypeBuilder SpecifiedBy(string url)
    {
        SpecifiedByUrl = url;
        return this;
    }

    /// <summary>Result coercion: internal value to a JSON-writable value (default: unchanged). Throw <see cref="Errors.GraphQLError"/> to refuse.</summary>
    public ScalarTypeBuilder Serialize(Func<object, object?> serialize)
    {
        SerializeFunc = serialize;
        return this;
    }

    /// <summary>Input coercion of variable values (default: unchanged). Throw <see cref="Errors.GraphQLError"/> to refuse.</summary>
    public ScalarTypeBuilder ParseValue(Func<object, object?> parseValue)
    {
        ParseValueFunc = parseValue;
        return this;
    }

    /// <summary>Input coercion of literals (default: the literal as a plain value, handed to the value parser).</summary>
    public ScalarTypeBuilder ParseLiteral(LiteralParser parseLiteral)
    {
        ParseLiteralFunc = parseLiteral;
        return this;
    }
}

/// <summary>Configures a custom directive definition.</summary>
public sealed class DirectiveBuilder
{
    internal DirectiveBuilder(string name) => Name = name;

    internal string Name { get; }

    internal string? DescriptionText { get; private set; }

    internal List<DirectiveLocation> LocationList { get; } = [];

    internal bool IsRepeatable { get; private set; }

    internal List<InputValueBuilder> Arguments { get; } = [];

    /// <summary>Sets the directive's description.</summary>
    public DirectiveBuilder Description(string? description)
    {
        DescriptionText = description;
        return this;
    }

    /// <summary>Where the directive may be used.</summary>
    public DirectiveBuilder Locations(params DirectiveLocation[] locations)
    {
        LocationList.AddRange(locations);
        return this;
    }

    internal string? DeprecationReason { get; private set; }

    /// <summary>Marks the directive <c>@deprecated</c> (graphql-js 16.15 semantics).</summary>
    public DirectiveBuilder Deprecated(string? reason = SpecifiedDirectives.DefaultDeprecationReason)
    {
        DeprecationReason = reason ?? SpecifiedDirectives.DefaultDeprecationReason;
        return this;
    }

    /// <summary>Allows the directive more than once at one location.</summary>
    public DirectiveBuilder Repeatable()
    {
        IsRepeatable = true;
        return this;
    }

    /// <summary>Adds an argument whose type is written as in SDL.</summary>
    public DirectiveBuilder Argument(string name, string type, Action<InputValueBuilder>? configure = null)
    {
        var argument = new InputValueBuilder(name, TypeReference.Parse(type));
        configure?.Invoke(argument);
        Arguments.Add(argument);
        return this;
    }
}

internal static class ConstantCase
{
    /// <summary><c>NewHope</c> to <c>NEW_HOPE</c>.</summary>
    public static string ToConstantCase(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]) && char.IsUpper(pascal[i - 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }
}
