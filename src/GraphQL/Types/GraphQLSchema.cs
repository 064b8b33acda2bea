using GraphReports.GraphQL.Introspection;
using GraphReports.GraphQL.Language;

namespace GraphReports.GraphQL.Types;

/// <summary>
/// A schema: root operation types, every named type reachable from them (plus the introspection types
/// and any extra types given), and directive definitions. Build one with <c>SchemaBuilder</c>, which
/// also checks the specification's type-system rules (<see cref="SchemaValidator"/>).
/// </summary>
public sealed class GraphQLSchema
{
    private readonly OrderedDictionary<string, GraphQLNamedType> _typeMap = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GraphQLDirective> _directives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (List<GraphQLObjectType> Objects, List<GraphQLInterfaceType> Interfaces)> _implementations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _subTypes = new(StringComparer.Ordinal);

    /// <summary>
    /// Collects every type reachable from the roots, <paramref name="types"/> and <paramref name="directives"/>.
    /// Throws <see cref="SchemaBuildException"/> when two different types share a name. Does not run
    /// <see cref="SchemaValidator"/>: call it (the builder does).
    /// </summary>
    public GraphQLSchema(
        GraphQLObjectType? query,
        GraphQLObjectType? mutation = null,
        GraphQLObjectType? subscription = null,
        IEnumerable<GraphQLNamedType>? types = null,
        IEnumerable<GraphQLDirective>? directives = null,
        string? description = null)
    {
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        Description = description;
        Directives = (directives ?? SpecifiedDirectives.All).ToList();
        foreach (var directive in Directives)
        {
            _directives.TryAdd(directive.Name, directive);
        }

        // The same walk and order as graphql-js's schema constructor: extra types first (each moved
        // behind the types it pulls in), then the roots, directive arguments and introspection types.
        var referenced = new OrderedDictionary<GraphQLNamedType, bool>(ReferenceEqualityComparer.Instance);
        var extraTypes = (types ?? []).ToList();
        foreach (var type in extraTypes)
        {
            referenced.TryAdd(type, true);
        }

        foreach (var type in extraTypes)
        {
            referenced.Remove(type);
            Collect(type, referenced);
        }

        foreach (var root in new[] { query, mutation, subscription })
        {
            if (root is not null)
            {
                Collect(root, referenced);
            }
        }

        foreach (var directive in Directives)
        {
            foreach (var argument in directive.Arguments)
            {
                Collect(TypePredicates.GetNamedType(argument.Type), referenced);
            }
        }

        Collect(IntrospectionTypes.Schema, referenced);
        var errors = new List<string>();
        foreach (var type in referenced.Keys)
        {
            if (!_typeMap.TryAdd(type.Name, type))
            {
                errors.Add($"Schema must contain uniquely named types but contains multiple types named \"{type.Name}\".");
            }
        }

        if (errors.Count > 0)
        {
            throw new SchemaBuildException(errors);
        }

        foreach (var type in _typeMap.Values)
        {
            if (type is GraphQLFieldsType fieldsType)
            {
                foreach (var implemented in fieldsType.Interfaces)
                {
                    var entry = GetImplementationsEntry(implemented.Name);
                    if (fieldsType is GraphQLObjectType obj)
                    {
                        entry.Objects.Add(obj);
                    }
                    else
                    {
                        entry.Interfaces.Add((GraphQLInterfaceType)fieldsType);
                    }
                }
            }
        }
    }

    public string? Description { get; }

    public GraphQLObjectType? QueryType { get; }

    public GraphQLObjectType? MutationType { get; }

    public GraphQLObjectType? SubscriptionType { get; }

    /// <summary>Every named type by name, in the order they were found (roots first).</summary>
    public IReadOnlyDictionary<string, GraphQLNamedType> TypeMap => _typeMap;

    public IReadOnlyList<GraphQLDirective> Directives { get; }

    public GraphQLNamedType? GetType(string name) => _typeMap.GetValueOrDefault(name);

    public GraphQLDirective? GetDirective(string name) => _directives.GetValueOrDefault(name);

    public GraphQLObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>Object types a value of <paramref name="abstractType"/> can be: union members, or objects implementing the interface.</summary>
    public IReadOnlyList<GraphQLObjectType> GetPossibleTypes(IGraphQLAbstractType abstractType) => abstractType switch
    {
        GraphQLUnionType union => union.Types,
        _ => _implementations.TryGetValue(abstractType.Name, out var entry) ? entry.Objects : [],
    };

    /// <summary>Objects and interfaces that declare they implement <paramref name="interfaceType"/>.</summary>
    public (IReadOnlyList<GraphQLObjectType> Objects, IReadOnlyList<GraphQLInterfaceType> Interfaces) GetImplementations(GraphQLInterfaceType interfaceType) =>
        _implementations.TryGetValue(interfaceType.Name, out var entry) ? (entry.Objects, entry.Interfaces) : ([], []);

    /// <summary>Whether <paramref name="maybeSubType"/> (an object or interface) is a possible type of / implements <paramref name="abstractType"/>.</summary>
    public bool IsSubType(IGraphQLAbstractType abstractType, GraphQLNamedType maybeSubType)
    {
        HashSet<string>? set;
        lock (_subTypes)
        {
            if (!_subTypes.TryGetValue(abstractType.Name, out set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                if (abstractType is GraphQLUnionType union)
                {
                    foreach (var member in union.Types)
                    {
                        set.Add(member.Name);
                    }
                }
                else if (_implementations.TryGetValue(abstractType.Name, out var entry))
                {
                    foreach (var obj in entry.Objects)
                    {
                        set.Add(obj.Name);
                    }

                    foreach (var iface in entry.Interfaces)
                    {
                        set.Add(iface.Name);
                    }
                }

                _subTypes[abstractType.Name] = set;
            }
        }

        return set.Contains(maybeSubType.Name);
    }

    /// <summary>
    /// The field <paramref name="fieldName"/> of <paramref name="parentType"/>, including the meta fields
    /// (<c>__typename</c> on every composite type, <c>__schema</c> and <c>__type</c> on the query root), as
    /// graphql-js's <c>getFieldDef</c>. Null when there is no such field.
    /// </summary>
    public GraphQLField? GetField(GraphQLNamedType parentType, string fieldName)
    {
        if (fieldName == "__typename" && parentType is GraphQLFieldsType or GraphQLUnionType)
        {
            return MetaFields.TypeName;
        }

        if (ReferenceEquals(parentType, QueryType))
        {
            if (fieldName == "__schema")
            {
                return MetaFields.Schema;
            }

            if (fieldName == "__type")
            {
                return MetaFields.Type;
            }
        }

        return parentType is GraphQLFieldsType fields ? fields.GetField(fieldName) : null;
    }

    private (List<GraphQLObjectType> Objects, List<GraphQLInterfaceType> Interfaces) GetImplementationsEntry(string name)
    {
        if (!_implementations.TryGetValue(name, out var entry))
        {
            entry = ([], []);
            _implementations[name] = entry;
        }

        return entry;
    }

    private static void Collect(GraphQLNamedType type, OrderedDictionary<GraphQLNamedType, bool> referenced)
    {
        if (!referenced.TryAdd(type, true))
        {
            return;
        }

        switch (type)
        {
            case GraphQLUnionType union:
                foreach (var member in union.Types)
                {
                    Collect(member, referenced);
                }

                break;
            case GraphQLFieldsType fieldsType:
                foreach (var implemented in fieldsType.Interfaces)
                {
                    Collect(implemented, referenced);
                }

                foreach (var field in fieldsType.Fields.Values)
                {
                    Collect(TypePredicates.GetNamedType(field.Type), referenced);
                    foreach (var argument in field.Arguments)
                    {
                        Collect(TypePredicates.GetNamedType(argument.Type), referenced);
                    }
                }

                break;
            case GraphQLInputObjectType input:
                foreach (var field in input.Fields.Values)
                {
                    Collect(TypePredicates.GetNamedType(field.Type), referenced);
                }

                break;
        }
    }
}
