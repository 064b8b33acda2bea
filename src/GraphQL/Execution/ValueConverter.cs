using System.Collections;
using System.Globalization;
using System.Reflection;

namespace GraphReports.GraphQL.Execution;

/// <summary>
/// Converts coerced input values (ints, doubles, strings, booleans, enum internal values, lists, ordered
/// dictionaries for input objects) into the CLR type a resolver asks for.
/// </summary>
public static class ValueConverter
{
    public static T Convert<T>(object? value) => (T)Convert(value, typeof(T))!;

    public static object? Convert(object? value, Type target)
    {
        if (value is null)
        {
            return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;
        }

        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (underlying.IsEnum)
        {
            return value is string name ? Enum.Parse(underlying, name, ignoreCase: true) : Enum.ToObject(underlying, value);
        }

        if (underlying == typeof(Guid) && value is string guidText)
        {
            return Guid.Parse(guidText, CultureInfo.InvariantCulture);
        }

        if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(underlying) && value is not IDictionary)
        {
            return System.Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
        }

        if (value is IList list && TryGetElementType(target) is { } elementType)
        {
            var converted = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
            foreach (var item in list)
            {
                converted.Add(Convert(item, elementType));
            }

            if (target.IsArray)
            {
                var array = Array.CreateInstance(elementType, converted.Count);
                converted.CopyTo(array, 0);
                return array;
            }

            return converted;
        }

        if (value is IReadOnlyDictionary<string, object?> fields && underlying.IsClass)
        {
            return ToObject(fields, underlying);
        }

        throw new InvalidCastException($"Cannot convert {value.GetType().Name} to {target.Name}.");
    }

    private static Type? TryGetElementType(Type target)
    {
        if (target.IsArray)
        {
            return target.GetElementType();
        }

        if (target.IsGenericType && target.GetGenericArguments() is [var element]
            && target.IsAssignableFrom(typeof(List<>).MakeGenericType(element)))
        {
            return element;
        }

        return null;
    }

    private static object ToObject(IReadOnlyDictionary<string, object?> fields, Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters();
        var arguments = parameters
            .Select(p => TryGetField(fields, p.Name!, out var v) ? Convert(v, p.ParameterType) : (p.HasDefaultValue ? p.DefaultValue : null))
            .ToArray();
        var instance = constructor.Invoke(arguments);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanWrite && !parameters.Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase))
                && TryGetField(fields, property.Name, out var value))
            {
                property.SetValue(instance, Convert(value, property.PropertyType));
            }
        }

        return instance;
    }

    private static bool TryGetField(IReadOnlyDictionary<string, object?> fields, string name, out object? value)
    {
        foreach (var (key, item) in fields)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = item;
                return true;
            }
        }

        value = null;
        return false;
    }
}
