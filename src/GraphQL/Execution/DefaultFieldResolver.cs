using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using GraphReports.GraphQL.Utilities;

namespace GraphReports.GraphQL.Execution;

/// <summary>
/// The resolver of fields that have none: reads the key of the field's name from a dictionary or JSON
/// object, else the public property (or field) of that name, ignoring case, of a CLR object.
/// </summary>
public static class DefaultFieldResolver
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Getters = new();

    public static FieldResolver Instance { get; } = context => new ValueTask<object?>(Resolve(context.Source, context.FieldName));

    public static object? Resolve(object? source, string name)
    {
        switch (source)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> map:
                return map.GetValueOrDefault(name);
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(name, out var value) ? value : null;
            case IDictionary untyped:
                return untyped.Contains(name) ? untyped[name] : null;
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                return element.TryGetProperty(name, out var property) ? JsonValues.ToClr(property) : null;
        }

        var getter = Getters.GetOrAdd((source.GetType(), name), static key => CreateGetter(key.Item1, key.Item2));
        return getter?.Invoke(source);
    }

    private static Func<object, object?>? CreateGetter(Type type, string name)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
        if (type.GetProperty(name, flags) is { CanRead: true } property && property.GetIndexParameters().Length == 0)
        {
            return property.GetValue;
        }

        return type.GetField(name, flags) is { } field ? field.GetValue : null;
    }
}
