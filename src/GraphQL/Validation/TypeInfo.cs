using GraphReports.GraphQL.Language;
using GraphReports.GraphQL.Types;
using GraphReports.GraphQL.Utilities;
using GraphReports.GraphQL.Validation.Utilities;

namespace GraphReports.GraphQL.Validation;

/// <summary>
/// Tracks, during a traversal, the schema types at the current position: the type of the current
/// field or fragment, the parent composite type, the field and argument definitions, the expected
/// input type of a value and its default. Call <see cref="Enter"/> before and <see cref="Leave"/>
/// after the visitors that ask (graphql-js's <c>TypeInfo</c>).
/// </summary>
public sealed class TypeInfo
{
    private readonly GraphQLSchema _schema;
    private readonly List<GraphQLType?> _typeStack = [];
    private readonly List<GraphQLNamedType?> _parentTypeStack = [];
    private readonly List<GraphQLType?> _inputTypeStack = [];
    private readonly List<GraphQLField?> _fieldDefStack = [];
    private readonly List<GraphQLInputValue?> _defaultValueStack = [];

    public TypeInfo(GraphQLSchema schema) => _schema = schema;

    /// <summary>Output type of the current field, operation or fragment; null when unknown.</summary>
    public GraphQLType? Type => Top(_typeStack);

    /// <summary>The composite type whose selection set holds the current position.</summary>
    public GraphQLNamedType? ParentType => Top(_parentTypeStack);

    /// <summary>Type the current value must have; null when unknown.</summary>
    public GraphQLType? InputType => Top(_inputTypeStack);

    /// <summary>Input type of the value enclosing the current one (a list or input object).</summary>
    public GraphQLType? ParentInputType => _inputTypeStack.Count > 1 ? _inputTypeStack[^2] : null;

    /// <summary>Definition of the current field; null when unknown.</summary>
    public GraphQLField? FieldDef => Top(_fieldDefStack);

    /// <summary>The argument or input field whose position the current value fills, when it declares a default value.</summary>
    public GraphQLInputValue? DefaultValueOwner => Top(_defaultValueStack);

    /// <summary>Directive whose arguments are being visited.</summary>
    public GraphQLDirective? Directive { get; private set; }

    /// <summary>Definition of the current argument.</summary>
    public GraphQLArgument? Argument { get; private set; }

    /// <summary>Definition of the current enum value literal.</summary>
    public GraphQLEnumValue? EnumValue { get; private set; }

    public void Enter(Node node)
    {
        switch (node)
        {
            case SelectionSetNode:
                var named = TypePredicates.GetNamedTypeOrNull(Type);
                _parentTypeStack.Add(TypePredicates.IsCompositeType(named) ? named : null);
                break;
            case FieldNode field:
                GraphQLField? fieldDef = ParentType is { } parent ? _schema.GetField(parent, field.Name.Value) : null;
                _fieldDefStack.Add(fieldDef);
                _typeStack.Add(TypePredicates.IsOutputType(fieldDef?.Type) ? fieldDef!.Type : null);
                break;
            case DirectiveNode directive:
                Directive = _schema.GetDirective(directive.Name.Value);
                break;
            case OperationDefinitionNode operation:
                _typeStack.Add(_schema.GetRootType(operation.Operation));
                break;
            case InlineFragmentNode inline:
                var inlineType = inline.TypeCondition is { } condition
                    ? TypeFromAst.Resolve(_schema, condition)
                    : TypePredicates.GetNamedTypeOrNull(Type);
                _typeStack.Add(TypePredicates.IsOutputType(inlineType) ? inlineType : null);
                break;
            case FragmentDefinitionNode fragment:
                var fragmentType = TypeFromAst.Resolve(_schema, fragment.TypeCondition);
                _typeStack.Add(TypePredicates.IsOutputType(fragmentType) ? fragmentType : null);
                break;
            case VariableDefinitionNode variable:
                var variableType = TypeFromAst.Resolve(_schema, variable.Type);
                _inputTypeStack.Add(TypePredicates.IsInputType(variableType) ? variableType : null);
                break;
            case ArgumentNode argument:
                GraphQLArgument? argDef = Directive is { } d
                    ? d.GetArgument(argument.Name.Value)
                    : FieldDef?.GetArgument(argument.Name.Value);
                Argument = argDef;
                _defaultValueStack.Add(argDef is { HasDefaultValue: true } ? argDef : null);
                _inputTypeStack.Add(TypePredicates.IsInputType(argDef?.Type) ? argDef!.Type : null);
                break;
            case ListValueNode:
                var listType = InputType is { } t ? TypePredicates.GetNullableType(t) : null;
                var itemType = listType is GraphQLList list ? list.OfType : listType;
                _defaultValueStack.Add(null); // list items never have a default value
                _inputTypeStack.Add(TypePredicates.IsInputType(itemType) ? itemType : null);
                break;
            case ObjectFieldNode objectField:
                GraphQLInputField? inputField = TypePredicates.GetNamedTypeOrNull(InputType) is GraphQLInputObjectType inputObject
                    ? inputObject.GetField(objectField.Name.Value)
                    : null;
                _defaultValueStack.Add(inputField is { HasDefaultValue: true } ? inputField : null);
                _inputTypeStack.Add(TypePredicates.IsInputType(inputField?.Type) ? inputField!.Type : null);
                break;
            case EnumValueNode enumValue:
                EnumValue = TypePredicates.GetNamedTypeOrNull(InputType) is GraphQLEnumType enumType
                    ? enumType.GetValue(enumValue.Value)
                    : null;
                break;
        }
    }

    public void Leave(Node node)
    {
        switch (node)
        {
            case SelectionSetNode:
                Pop(_parentTypeStack);
                break;
            case FieldNode:
                Pop(_fieldDefStack);
                Pop(_typeStack);
                break;
            case DirectiveNode:
                Directive = null;
                break;
            case OperationDefinitionNode:
            case InlineFragmentNode:
            case FragmentDefinitionNode:
                Pop(_typeStack);
                break;
            case VariableDefinitionNode:
                Pop(_inputTypeStack);
                break;
            case ArgumentNode:
                Argument = null;
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case ListValueNode:
            case ObjectFieldNode:
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case EnumValueNode:
                EnumValue = null;
                break;
        }
    }

    private static T? Top<T>(List<T?> stack) where T : class => stack.Count > 0 ? stack[^1] : null;

    private static void Pop<T>(List<T> stack) => stack.RemoveAt(stack.Count - 1);
}
