using System.Text.RegularExpressions;
using GraphReports.GraphQL.Introspection;

namespace GraphReports.GraphQL.Types;

/// <summary>
/// The type-system rules a schema must obey (graphql-js's <c>validateSchema</c>, with its messages):
/// names, root types, fields and arguments of the right kind, interface implementations, union members,
/// enum values, input objects (no cycle through non-null fields, <c>@oneOf</c> fields nullable without default).
/// </summary>
public static partial class SchemaValidator
{
    /// <summary>Every rule the schema breaks, as messages; empty for a valid schema.</summary>
    public static IReadOnlyList<string> Validate(GraphQLSchema schema)
    {
        var errors = new List<string>();
        if (schema.QueryType is null)
        {
            errors.Add("Query root type must be provided.");
        }

        ValidateDirectives(schema, errors);
        foreach (var type in schema.TypeMap.Values)
        {
            if (!IntrospectionTypes.IsIntrospectionType(type))
            {
                ValidateName(type.Name, errors);
            }

            switch (type)
            {
                case GraphQLFieldsType fieldsType:
                    ValidateFields(fieldsType, errors);
                    ValidateInterfaces(schema, fieldsType, errors);
                    break;
                case GraphQLUnionType union:
                    ValidateUnionMembers(union, errors);
                    break;
                case GraphQLEnumType enumType:
                    ValidateEnumValues(enumType, errors);
                    break;
                case GraphQLInputObjectType input:
                    ValidateInputFields(input, errors);
                    break;
            }
        }

        new InputCycleFinder(errors).Check(schema.TypeMap.Values.OfType<GraphQLInputObjectType>());
        return errors;
    }

    /// <summary>graphql-js's name rules: the syntax of a name, and no "__" prefix outside introspection.</summary>
    private static void ValidateName(string name, List<string> errors)
    {
        if (name.Length == 0)
        {
            errors.Add("Expected name to be a non-empty string.");
            return;
        }

        if (!NamePattern().IsMatch(name))
        {
            errors.Add(char.IsAsciiLetter(name[0]) || name[0] == '_'
                ? $"Names must only contain [_a-zA-Z0-9] but \"{name}\" does not."
                : $"Names must start with [_a-zA-Z] but \"{name}\" does not.");
            return;
        }

        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            errors.Add($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
        }
    }

    private static void ValidateDirectives(GraphQLSchema schema, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directive in schema.Directives)
        {
            ValidateName(directive.Name, errors);
            if (!seen.Add(directive.Name))
            {
                errors.Add($"Directive \"@{directive.Name}\" already exists in the schema. It cannot be redefined.");
            }

            if (directive.Locations.Count == 0)
            {
                errors.Add($"Directive @{directive.Name} must include one or more locations.");
            }

            foreach (var argument in directive.Arguments)
            {
                ValidateName(argument.Name, errors);
                if (!TypePredicates.IsInputType(argument.Type))
                {
                    errors.Add($"The type of @{directive.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.");
                }

                if (argument.IsRequired && argument.IsDeprecated)
                {
                    errors.Add($"Required argument @{directive.Name}({argument.Name}:) cannot be deprecated.");
                }
            }
        }
    }

    private static void ValidateFields(GraphQLFieldsType type, List<string> errors)
    {
        if (type.Fields.Count == 0)
        {
            errors.Add($"Type {type.Name} must define one or more fields.");
        }

        foreach (var field in type.Fields.Values)
        {
            ValidateName(field.Name, errors);
            if (!TypePredicates.IsOutputType(field.Type))
            {
                errors.Add($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.");
            }

            foreach (var argument in field.Arguments)
            {
                ValidateName(argument.Name, errors);
                if (!TypePredicates.IsInputType(argument.Type))
                {
                    errors.Add($"The type of {type.Name}.{field.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.");
                }

                if (argument.IsRequired && argument.IsDeprecated)
                {
                    errors.Add($"Required argument {type.Name}.{field.Name}({argument.Name}:) cannot be deprecated.");
                }
            }
        }
    }

    private static void ValidateInterfaces(GraphQLSchema schema, GraphQLFieldsType type, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var implemented in type.Interfaces)
        {
            if (ReferenceEquals(implemented, type))
            {
                errors.Add($"Type {type.Name} cannot implement itself because it would create a circular reference.");
                continue;
            }

            if (!seen.Add(implemented.Name))
            {
                errors.Add($"Type {type.Name} can only implement {implemented.Name} once.");
                continue;
            }

            ValidateImplementsAncestors(type, implemented, errors);
            ValidateImplementsInterface(schema, type, implemented, errors);
        }
    }

    private static void ValidateImplementsInterface(GraphQLSchema schema, GraphQLFieldsType type, GraphQLInterfaceType implemented, List<string> errors)
    {
        foreach (var interfaceField in implemented.Fields.Values)
        {
            var fieldName = interfaceField.Name;
            var typeField = type.GetField(fieldName);
            if (typeField is null)
            {
                errors.Add($"Interface field {implemented.Name}.{fieldName} expected but {type.Name} does not provide it.");
                continue;
            }

            if (!TypePredicates.IsTypeSubTypeOf(schema, typeField.Type, interfaceField.Type))
            {
                errors.Add($"Interface field {implemented.Name}.{fieldName} expects type {interfaceField.Type} but {type.Name}.{fieldName} is type {typeField.Type}.");
            }

            foreach (var interfaceArgument in interfaceField.Arguments)
            {
                var typeArgument = typeField.GetArgument(interfaceArgument.Name);
                if (typeArgument is null)
                {
                    errors.Add($"Interface field argument {implemented.Name}.{fieldName}({interfaceArgument.Name}:) expected but {type.Name}.{fieldName} does not provide it.");
                    continue;
                }

                if (!TypePredicates.IsEqualType(interfaceArgument.Type, typeArgument.Type))
                {
                    errors.Add($"Interface field argument {implemented.Name}.{fieldName}({interfaceArgument.Name}:) expects type {interfaceArgument.Type} but {type.Name}.{fieldName}({interfaceArgument.Name}:) is type {typeArgument.Type}.");
                }
            }

            foreach (var typeArgument in typeField.Arguments)
            {
                if (interfaceField.GetArgument(typeArgument.Name) is null && typeArgument.IsRequired)
                {
                    errors.Add($"Object field {type.Name}.{fieldName} includes required argument {typeArgument.Name} that is missing from the Interface field {implemented.Name}.{fieldName}.");
                }
            }
        }
    }

    private static void ValidateImplementsAncestors(GraphQLFieldsType type, GraphQLInterfaceType implemented, List<string> errors)
    {
        foreach (var transitive in implemented.Interfaces)
        {
            if (!type.Interfaces.Contains(transitive))
            {
                errors.Add(ReferenceEquals(transitive, type)
                    ? $"Type {type.Name} cannot implement {implemented.Name} because it would create a circular reference."
                    : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {implemented.Name}.");
            }
        }
    }

    private static void ValidateUnionMembers(GraphQLUnionType union, List<string> errors)
    {
        if (union.Types.Count == 0)
        {
            errors.Add($"Union type {union.Name} must define one or more member types.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in union.Types)
        {
            if (!seen.Add(member.Name))
            {
                errors.Add($"Union type {union.Name} can only include type {member.Name} once.");
            }
        }
    }

    private static void ValidateEnumValues(GraphQLEnumType enumType, List<string> errors)
    {
        if (enumType.Values.Count == 0)
        {
            errors.Add($"Enum type {enumType.Name} must define one or more values.");
        }

        foreach (var value in enumType.Values)
        {
            ValidateName(value.Name, errors);
            if (value.Name is "true" or "false" or "null")
            {
                errors.Add($"Enum values cannot be named: {value.Name}");
            }
        }
    }

    private static void ValidateInputFields(GraphQLInputObjectType input, List<string> errors)
    {
        if (input.Fields.Count == 0)
        {
            errors.Add($"Input Object type {input.Name} must define one or more fields.");
        }

        foreach (var field in input.Fields.Values)
        {
            ValidateName(field.Name, errors);
            if (!TypePredicates.IsInputType(field.Type))
            {
                errors.Add($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.");
            }

            if (field.IsRequired && field.IsDeprecated)
            {
                errors.Add($"Required input field {input.Name}.{field.Name} cannot be deprecated.");
            }

            if (input.IsOneOf)
            {
                if (field.Type is GraphQLNonNull)
                {
                    errors.Add($"OneOf input field {input.Name}.{field.Name} must be nullable.");
                }

                if (field.HasDefaultValue)
                {
                    errors.Add($"OneOf input field {input.Name}.{field.Name} cannot have a default value.");
                }
            }
        }
    }

    [GeneratedRegex("^[_a-zA-Z][_a-zA-Z0-9]*$")]
    private static partial Regex NamePattern();

    /// <summary>Finds input objects that would need an infinite value: cycles made only of non-null, non-list fields.</summary>
    private sealed class InputCycleFinder(List<string> errors)
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
        private readonly List<GraphQLInputField> _path = [];
        private readonly Dictionary<string, int> _pathIndexByType = new(StringComparer.Ordinal);

        public void Check(IEnumerable<GraphQLInputObjectType> types)
        {
            foreach (var type in types)
            {
                Visit(type);
            }
        }

        private void Visit(GraphQLInputObjectType type)
        {
            if (!_visited.Add(type.Name))
            {
                return;
            }

            _pathIndexByType[type.Name] = _path.Count;
            foreach (var field in type.Fields.Values)
            {
                if (field.Type is GraphQLNonNull { OfType: GraphQLInputObjectType fieldType })
                {
                    _path.Add(field);
                    if (!_pathIndexByType.TryGetValue(fieldType.Name, out var cycleIndex))
                    {
                        Visit(fieldType);
                    }
                    else
                    {
                        var cycle = string.Join(".", _path.Skip(cycleIndex).Select(f => f.Name));
                        errors.Add($"Cannot reference Input Object \"{fieldType.Name}\" within itself through a series of non-null fields: \"{cycle}\".");
                    }

                    _path.RemoveAt(_path.Count - 1);
                }
            }

            _pathIndexByType.Remove(type.Name);
        }
    }
}
