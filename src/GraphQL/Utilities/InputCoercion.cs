using System.Collections;
using GraphReports.GraphQL.Errors;
using GraphReports.GraphQL.Types;

namespace GraphReports.GraphQL.Utilities;

/// <summary>
/// Input coercion of a plain value (a variable's JSON turned into CLR values) to an input type, as
/// graphql-js's <c>coerceInputValue</c>: every problem is reported with the path inside the value.
/// </summary>
public static class InputCoercion
{
    /// <summary>Receives one problem: the path inside the value, the offending value and the error.</summary>
    public delegate void ErrorHandler(IReadOnlyList<object> path, object? invalidValue, GraphQLError error);

    public static object? Coerce(object? input, GraphQLType type, ErrorHandler onError) =>
        Coerce(input, type, onError, []);

    private static object? Coerce(object? input, GraphQLType type, ErrorHandler onError, List<object> path)
    {
        if (type is GraphQLNonNull nonNull)
        {
            if (input is not null)
            {
                return Coerce(input, nonNull.OfType, onError, path);
            }

            onError([.. path], input, new GraphQLError($"Expected non-nullable type \"{type}\" not to be null."));
            return null;
        }

        if (input is null)
        {
            return null;
        }

        switch (type)
        {
            case GraphQLList list:
                if (input is IList items)
                {
                    var coerced = new List<object?>(items.Count);
                    for (var i = 0; i < items.Count; i++)
                    {
                        path.Add(i);
                        coerced.Add(Coerce(items[i], list.OfType, onError, path));
                        path.RemoveAt(path.Count - 1);
                    }

                    return coerced;
                }

                return new List<object?> { Coerce(input, list.OfType, onError, path) };
            case GraphQLInputObjectType inputObject:
                return CoerceInputObject(input, inputObject, onError, path);
            case IGraphQLLeafType leaf:
                object? result;
                try
                {
                    result = leaf.ParseValue(input);
                }
                catch (GraphQLError error)
                {
                    onError([.. path], input, error);
                    return null;
                }
                catch (Exception exception) when (exception is FormatException or InvalidCastException or OverflowException or ArgumentException)
                {
                    onError([.. path], input, new GraphQLError($"Expected type \"{leaf.Name}\". {exception.Message}", innerException: exception));
                    return null;
                }

                return result;
            default:
                throw new InvalidOperationException($"Unexpected input type {type}.");
        }
    }

    private static object? CoerceInputObject(object input, GraphQLInputObjectType type, ErrorHandler onError, List<object> path)
    {
        if (input is not IReadOnlyDictionary<string, object?> fields)
        {
            onError([.. path], input, new GraphQLError($"Expected type \"{type.Name}\" to be an object."));
            return null;
        }

        var coerced = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields.Values)
        {
            if (!fields.TryGetValue(field.Name, out var fieldValue))
            {
                if (field.HasDefaultValue)
                {
                    coerced[field.Name] = field.DefaultValue;
                }
                else if (field.Type is GraphQLNonNull)
                {
                    onError([.. path], input, new GraphQLError($"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided."));
                }

                continue;
            }

            path.Add(field.Name);
            coerced[field.Name] = Coerce(fieldValue, field.Type, onError, path);
            path.RemoveAt(path.Count - 1);
        }

        foreach (var name in fields.Keys)
        {
            if (type.GetField(name) is null)
            {
                var suggestions = Suggestions.SuggestionList(name, type.Fields.Keys);
                onError([.. path], input, new GraphQLError($"Field \"{name}\" is not defined by type \"{type.Name}\".{Suggestions.DidYouMean(null, suggestions)}"));
            }
        }

        if (type.IsOneOf)
        {
            if (coerced.Count != 1)
            {
                onError([.. path], input, new GraphQLError($"Exactly one key must be specified for OneOf type \"{type.Name}\"."));
            }

            if (coerced.Count > 0)
            {
                var (key, value) = coerced.GetAt(0);
                if (value is null)
                {
                    onError([.. path, key], value, new GraphQLError($"Field \"{key}\" must be non-null."));
                }
            }
        }

        return coerced;
    }

    /// <summary>Prints a path inside a value as graphql-js does: <c>.field[0].other</c>.</summary>
    public static string PrintPath(IEnumerable<object> path) =>
        string.Concat(path.Select(key => key is int index ? $"[{index}]" : "." + key));
}
