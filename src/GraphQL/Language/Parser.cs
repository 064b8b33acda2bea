using GraphReports.GraphQL.Errors;

namespace GraphReports.GraphQL.Language;

/// <summary>
/// Recursive-descent parser for the whole GraphQL grammar (executable and type system documents).
/// Syntax errors are <see cref="GraphQLError"/>s whose message starts "Syntax Error:", located at the
/// offending token, worded as graphql-js words them.
/// </summary>
public sealed class Parser
{
    private readonly Lexer _lexer;
    private readonly ParserOptions _options;
    private readonly Source _source;
    private int _tokenCount;
    private int _depth;

    public Parser(Source source, ParserOptions? options = null)
    {
        _source = source;
        _options = options ?? ParserOptions.Default;
        _lexer = new Lexer(source);
    }

    /// <summary>Parses a document; throws a <see cref="GraphQLError"/> on a syntax error or an exceeded limit.</summary>
    public static DocumentNode Parse(Source source, ParserOptions? options = null) => new Parser(source, options).ParseDocument();

    /// <summary>Parses a document from text.</summary>
    public static DocumentNode Parse(string source, ParserOptions? options = null) => Parse(new Source(source), options);

    /// <summary>Parses a single value literal (variables allowed), e.g. <c>[1, $a, {b: "c"}]</c>.</summary>
    public static ValueNode ParseValue(Source source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options);
        parser.Expect(TokenKind.StartOfFile);
        var value = parser.ParseValueLiteral(isConst: false);
        parser.Expect(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a single constant value literal (no variables).</summary>
    public static ValueNode ParseConstValue(Source source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options);
        parser.Expect(TokenKind.StartOfFile);
        var value = parser.ParseValueLiteral(isConst: true);
        parser.Expect(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a single type reference, e.g. <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(Source source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options);
        parser.Expect(TokenKind.StartOfFile);
        var type = parser.ParseTypeReference();
        parser.Expect(TokenKind.EndOfFile);
        return type;
    }

    /// <summary>Document : Definition+</summary>
    public DocumentNode ParseDocument()
    {
        var start = _lexer.Token;
        return Located(new DocumentNode
        {
            Definitions = Many(TokenKind.StartOfFile, ParseDefinition, TokenKind.EndOfFile)
        }, start);
    }

    // ---- Definitions ----------------------------------------------------------------------

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL))
        {
            return ParseOperationDefinition();
        }
        bool hasDescription = PeekDescription();
        var keyword = hasDescription ? _lexer.Lookahead() : _lexer.Token;
        if (hasDescription && keyword.Kind == TokenKind.BraceL)
        {
            throw SyntaxError.Create(_source, _lexer.Token.Start,
                "Unexpected description, descriptions are not supported on shorthand queries.");
        }
        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.Value)
            {
                case "schema": return ParseSchemaDefinition();
                case "scalar": return ParseScalarTypeDefinition();
                case "type": return ParseObjectTypeDefinition();
                case "interface": return ParseInterfaceTypeDefinition();
                case "union": return ParseUnionTypeDefinition();
                case "enum": return ParseEnumTypeDefinition();
                case "input": return ParseInputObjectTypeDefinition();
                case "directive": return ParseDirectiveDefinition();
            }
            switch (keyword.Value)
            {
                case "query":
                case "mutation":
                case "subscription":
                    return ParseOperationDefinition();
                case "fragment":
                    return ParseFragmentDefinition();
            }
            if (hasDescription)
            {
                throw SyntaxError.Create(_source, _lexer.Token.Start,
                    "Unexpected description, only GraphQL definitions support descriptions.");
            }
            if (keyword.Value == "extend")
            {
                return ParseTypeSystemExtension();
            }
        }
        throw Unexpected(keyword);
    }

    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = _lexer.Token;
        if (Peek(TokenKind.BraceL))
        {
            return Located(new OperationDefinitionNode
            {
                Operation = OperationType.Query,
                SelectionSet = ParseSelectionSet()
            }, start);
        }
        var description = ParseDescription();
        var operation = ParseOperationType();
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        return Located(new OperationDefinitionNode
        {
            Description = description,
            Operation = operation,
            Name = name,
            VariableDefinitions = OptionalMany(TokenKind.ParenL, ParseVariableDefinition, TokenKind.ParenR),
            Directives = ParseDirectives(isConst: false),
            SelectionSet = ParseSelectionSet()
        }, start);
    }

    private OperationType ParseOperationType()
    {
        var token = Expect(TokenKind.Name);
        return token.Value switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw Unexpected(token),
        };
    }

    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptional(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        return Located(new VariableDefinitionNode
        {
            Description = description,
            Variable = variable,
            Type = type,
            DefaultValue = defaultValue,
            Directives = ParseDirectives(isConst: true)
        }, start);
    }

    private VariableNode ParseVariable()
    {
        var start = _lexer.Token;
        Expect(TokenKind.Dollar);
        return Located(new VariableNode { Name = ParseName() }, start);
    }

    private SelectionSetNode ParseSelectionSet()
    {
        var start = _lexer.Token;
        Enter();
        Expect(TokenKind.BraceL);
        var selections = new List<SelectionNode>();
        do
        {
            selections.Add(ParseSelection());
        }
        while (!ExpectOptional(TokenKind.BraceR));
        _depth--;
        return Located(new SelectionSetNode { Selections = selections }, start);
    }

    private SelectionNode ParseSelection() => Peek(TokenKind.Spread) ? ParseFragment() : ParseField();

    private FieldNode ParseField()
    {
        var start = _lexer.Token;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        NameNode name;
        if (ExpectOptional(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }
        return Located(new FieldNode
        {
            Alias = alias,
            Name = name,
            Arguments = ParseArguments(isConst: false),
            Directives = ParseDirectives(isConst: false),
            SelectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null
        }, start);
    }

    // (name: value+); written out rather than through Many: it runs for every field.
    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!ExpectOptional(TokenKind.ParenL))
        {
            return [];
        }
        var arguments = new List<ArgumentNode>();
        do
        {
            arguments.Add(ParseArgument(isConst));
        }
        while (!ExpectOptional(TokenKind.ParenR));
        return arguments;
    }

    private ArgumentNode ParseArgument(bool isConst)
    {
        var start = _lexer.Token;
        var name = ParseName();
        Expect(TokenKind.Colon);
        return Located(new ArgumentNode { Name = name, Value = ParseValueLiteral(isConst) }, start);
    }

    private SelectionNode ParseFragment()
    {
        var start = _lexer.Token;
        Expect(TokenKind.Spread);
        bool hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            return Located(new FragmentSpreadNode
            {
                Name = ParseFragmentName(),
                Directives = ParseDirectives(isConst: false)
            }, start);
        }
        return Located(new InlineFragmentNode
        {
            TypeCondition = hasTypeCondition ? ParseNamedType() : null,
            Directives = ParseDirectives(isConst: false),
            SelectionSet = ParseSelectionSet()
        }, start);
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        return Located(new FragmentDefinitionNode
        {
            Description = description,
            Name = name,
            TypeCondition = ParseNamedType(),
            Directives = ParseDirectives(isConst: false),
            SelectionSet = ParseSelectionSet()
        }, start);
    }

    private NameNode ParseFragmentName()
    {
        if (_lexer.Token.Value == "on" && _lexer.Token.Kind == TokenKind.Name)
        {
            throw Unexpected(_lexer.Token);
        }
        return ParseName();
    }

    // ---- Values ---------------------------------------------------------------------------

    private ValueNode ParseValueLiteral(bool isConst)
    {
        var token = _lexer.Token;
        switch (token.Kind)
        {
            case TokenKind.BracketL:
                return ParseList(isConst);
            case TokenKind.BraceL:
                return ParseObject(isConst);
            case TokenKind.Int:
                Advance();
                return Located(new IntValueNode { Value = token.Value! }, token);
            case TokenKind.Float:
                Advance();
                return Located(new FloatValueNode { Value = token.Value! }, token);
            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                return token.Value switch
                {
                    "true" => Located(new BooleanValueNode { Value = true }, token),
                    "false" => Located(new BooleanValueNode { Value = false }, token),
                    "null" => Located(new NullValueNode(), token),
                    _ => Located(new EnumValueNode { Value = token.Value! }, token),
                };
            case TokenKind.Dollar:
                if (isConst)
                {
                    Expect(TokenKind.Dollar);
                    if (_lexer.Token.Kind == TokenKind.Name)
                    {
                        throw SyntaxError.Create(_source, token.Start,
                            $"Unexpected variable \"${_lexer.Token.Value}\" in constant value.");
                    }
                    throw Unexpected(token);
                }
                return ParseVariable();
            default:
                throw Unexpected(token);
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = _lexer.Token;
        Advance();
        return Located(new StringValueNode { Value = token.Value!, Block = token.Kind == TokenKind.BlockString }, token);
    }

    private ListValueNode ParseList(bool isConst)
    {
        var start = _lexer.Token;
        Enter();
        Expect(TokenKind.BracketL);
        var values = new List<ValueNode>();
        while (!ExpectOptional(TokenKind.BracketR))
        {
            values.Add(ParseValueLiteral(isConst));
        }
        _depth--;
        return Located(new ListValueNode { Values = values }, start);
    }

    private ObjectValueNode ParseObject(bool isConst)
    {
        var start = _lexer.Token;
        Enter();
        Expect(TokenKind.BraceL);
        var fields = new List<ObjectFieldNode>();
        while (!ExpectOptional(TokenKind.BraceR))
        {
            var fieldStart = _lexer.Token;
            var name = ParseName();
            Expect(TokenKind.Colon);
            fields.Add(Located(new ObjectFieldNode { Name = name, Value = ParseValueLiteral(isConst) }, fieldStart));
        }
        _depth--;
        return Located(new ObjectValueNode { Fields = fields }, start);
    }

    // ---- Directives and types -------------------------------------------------------------

    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }
        var directives = new List<DirectiveNode>();
        while (Peek(TokenKind.At))
        {
            var start = _lexer.Token;
            Advance();
            directives.Add(Located(new DirectiveNode { Name = ParseName(), Arguments = ParseArguments(isConst) }, start));
        }
        return directives;
    }

    private TypeNode ParseTypeReference()
    {
        var start = _lexer.Token;
        TypeNode type;
        if (ExpectOptional(TokenKind.BracketL))
        {
            Enter();
            var inner = ParseTypeReference();
            Expect(TokenKind.BracketR);
            _depth--;
            type = Located(new ListTypeNode { Type = inner }, start);
        }
        else
        {
            type = ParseNamedType();
        }
        if (ExpectOptional(TokenKind.Bang))
        {
            return Located(new NonNullTypeNode { Type = type }, start);
        }
        return type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = _lexer.Token;
        return Located(new NamedTypeNode { Name = ParseName() }, start);
    }

    private NameNode ParseName()
    {
        var token = Expect(TokenKind.Name);
        return Located(new NameNode { Value = token.Value! }, token);
    }

    // ---- Type system definitions ----------------------------------------------------------

    private bool PeekDescription() => Peek(TokenKind.String) || Peek(TokenKind.BlockString);

    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        return Located(new SchemaDefinitionNode
        {
            Description = description,
            Directives = directives,
            OperationTypes = Many(TokenKind.BraceL, ParseOperationTypeDefinition, TokenKind.BraceR)
        }, start);
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = _lexer.Token;
        var operation = ParseOperationType();
        Expect(TokenKind.Colon);
        return Located(new OperationTypeDefinitionNode { Operation = operation, Type = ParseNamedType() }, start);
    }

    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("scalar");
        return Located(new ScalarTypeDefinitionNode
        {
            Description = description,
            Name = ParseName(),
            Directives = ParseDirectives(isConst: true)
        }, start);
    }

    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = _lexer.Token;
        var (description, name, interfaces, directives, fields) = ParseFieldsTypeDefinition("type");
        return Located(new ObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields
        }, start);
    }

    // Description? type|interface Name ImplementsInterfaces? Directives? FieldsDefinition?
    private (StringValueNode? Description, NameNode Name, IReadOnlyList<NamedTypeNode> Interfaces, IReadOnlyList<DirectiveNode> Directives,
        IReadOnlyList<FieldDefinitionNode> Fields) ParseFieldsTypeDefinition(string keyword)
    {
        var description = ParseDescription();
        ExpectKeyword(keyword);
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        return (description, name, interfaces, directives, ParseFieldsDefinition());
    }

    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces() =>
        ExpectOptionalKeyword("implements") ? DelimitedMany(TokenKind.Amp, ParseNamedType) : [];

    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition() =>
        OptionalMany(TokenKind.BraceL, ParseFieldDefinition, TokenKind.BraceR);

    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        return Located(new FieldDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Type = type,
            Directives = ParseDirectives(isConst: true)
        }, start);
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentDefinitions() =>
        OptionalMany(TokenKind.ParenL, ParseInputValueDefinition, TokenKind.ParenR);

    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptional(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        return Located(new InputValueDefinitionNode
        {
            Description = description,
            Name = name,
            Type = type,
            DefaultValue = defaultValue,
            Directives = ParseDirectives(isConst: true)
        }, start);
    }

    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = _lexer.Token;
        var (description, name, interfaces, directives, fields) = ParseFieldsTypeDefinition("interface");
        return Located(new InterfaceTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields
        }, start);
    }

    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return Located(new UnionTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Types = ParseUnionMemberTypes()
        }, start);
    }

    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes() =>
        ExpectOptional(TokenKind.Equals) ? DelimitedMany(TokenKind.Pipe, ParseNamedType) : [];

    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return Located(new EnumTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Values = OptionalMany(TokenKind.BraceL, ParseEnumValueDefinition, TokenKind.BraceR)
        }, start);
    }

    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        var token = _lexer.Token;
        if (token.Kind == TokenKind.Name && token.Value is "true" or "false" or "null")
        {
            throw SyntaxError.Create(_source, token.Start, $"{token.Describe()} is reserved and cannot be used for an enum value.");
        }
        var name = ParseName();
        return Located(new EnumValueDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = ParseDirectives(isConst: true)
        }, start);
    }

    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return Located(new InputObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Fields = OptionalMany(TokenKind.BraceL, ParseInputValueDefinition, TokenKind.BraceR)
        }, start);
    }

    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = _lexer.Token;
        var description = ParseDescription();
        ExpectKeyword("directive");
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        bool repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        return Located(new DirectiveDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Repeatable = repeatable,
            Locations = DelimitedMany(TokenKind.Pipe, ParseDirectiveLocation)
        }, start);
    }

    private NameNode ParseDirectiveLocation()
    {
        var start = _lexer.Token;
        var name = ParseName();
        if (DirectiveLocationNames.TryParse(name.Value, out _))
        {
            return name;
        }
        throw Unexpected(start);
    }

    // ---- Type system extensions -----------------------------------------------------------

    private TypeSystemExtensionNode ParseTypeSystemExtension()
    {
        var keyword = _lexer.Lookahead();
        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.Value)
            {
                case "schema": return ParseSchemaExtension();
                case "scalar": return ParseScalarTypeExtension();
                case "type": return ParseObjectTypeExtension();
                case "interface": return ParseInterfaceTypeExtension();
                case "union": return ParseUnionTypeExtension();
                case "enum": return ParseEnumTypeExtension();
                case "input": return ParseInputObjectTypeExtension();
            }
        }
        throw Unexpected(keyword);
    }

    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = _lexer.Token;
        ExpectKeyword("extend");
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operationTypes = OptionalMany(TokenKind.BraceL, ParseOperationTypeDefinition, TokenKind.BraceR);
        RequireExtensionContent(directives.Count + operationTypes.Count);
        return Located(new SchemaExtensionNode { Directives = directives, OperationTypes = operationTypes }, start);
    }

    private ScalarTypeExtensionNode ParseScalarTypeExtension()
    {
        var start = _lexer.Token;
        var name = ParseExtensionName("scalar");
        var directives = ParseDirectives(isConst: true);
        RequireExtensionContent(directives.Count);
        return Located(new ScalarTypeExtensionNode { Name = name, Directives = directives }, start);
    }

    private ObjectTypeExtensionNode ParseObjectTypeExtension()
    {
        var start = _lexer.Token;
        var (name, interfaces, directives, fields) = ParseFieldsTypeExtension("type");
        return Located(new ObjectTypeExtensionNode { Name = name, Interfaces = interfaces, Directives = directives, Fields = fields }, start);
    }

    private InterfaceTypeExtensionNode ParseInterfaceTypeExtension()
    {
        var start = _lexer.Token;
        var (name, interfaces, directives, fields) = ParseFieldsTypeExtension("interface");
        return Located(new InterfaceTypeExtensionNode { Name = name, Interfaces = interfaces, Directives = directives, Fields = fields }, start);
    }

    // extend type|interface Name ImplementsInterfaces? Directives? FieldsDefinition?, with at least one part.
    private (NameNode Name, IReadOnlyList<NamedTypeNode> Interfaces, IReadOnlyList<DirectiveNode> Directives, IReadOnlyList<FieldDefinitionNode> Fields)
        ParseFieldsTypeExtension(string keyword)
    {
        var name = ParseExtensionName(keyword);
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        RequireExtensionContent(interfaces.Count + directives.Count + fields.Count);
        return (name, interfaces, directives, fields);
    }

    // "extend <keyword> Name"
    private NameNode ParseExtensionName(string keyword)
    {
        ExpectKeyword("extend");
        ExpectKeyword(keyword);
        return ParseName();
    }

    // An extension must add something; otherwise the token after its name is unexpected.
    private void RequireExtensionContent(int partCount)
    {
        if (partCount == 0)
        {
            throw Unexpected(_lexer.Token);
        }
    }

    private UnionTypeExtensionNode ParseUnionTypeExtension()
    {
        var start = _lexer.Token;
        var name = ParseExtensionName("union");
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        RequireExtensionContent(directives.Count + types.Count);
        return Located(new UnionTypeExtensionNode { Name = name, Directives = directives, Types = types }, start);
    }

    private EnumTypeExtensionNode ParseEnumTypeExtension()
    {
        var start = _lexer.Token;
        var name = ParseExtensionName("enum");
        var directives = ParseDirectives(isConst: true);
        var values = OptionalMany(TokenKind.BraceL, ParseEnumValueDefinition, TokenKind.BraceR);
        RequireExtensionContent(directives.Count + values.Count);
        return Located(new EnumTypeExtensionNode { Name = name, Directives = directives, Values = values }, start);
    }

    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension()
    {
        var start = _lexer.Token;
        var name = ParseExtensionName("input");
        var directives = ParseDirectives(isConst: true);
        var fields = OptionalMany(TokenKind.BraceL, ParseInputValueDefinition, TokenKind.BraceR);
        RequireExtensionContent(directives.Count + fields.Count);
        return Located(new InputObjectTypeExtensionNode { Name = name, Directives = directives, Fields = fields }, start);
    }

    // ---- Token helpers --------------------------------------------------------------------

    // Records where a node was read, from its first token to the last token consumed.
    private T Located<T>(T node, Token start) where T : Node
    {
        if (!_options.NoLocation)
        {
            node.SetLocation(start.Start, _lexer.LastToken.End, _source);
        }
        return node;
    }

    private bool Peek(TokenKind kind) => _lexer.Token.Kind == kind;

    private void Advance()
    {
        var token = _lexer.Advance();
        if (token.Kind != TokenKind.EndOfFile && ++_tokenCount > _options.MaxTokens)
        {
            throw SyntaxError.Create(_source, token.Start,
                $"Document contains more than {_options.MaxTokens} tokens. Parsing aborted.");
        }
    }

    // Called when entering a nested construct; bounds recursion.
    private void Enter()
    {
        if (++_depth > _options.MaxDepth)
        {
            throw SyntaxError.Create(_source, _lexer.Token.Start,
                $"Document is nested deeper than {_options.MaxDepth} levels. Parsing aborted.");
        }
    }

    private Token Expect(TokenKind kind)
    {
        var token = _lexer.Token;
        if (token.Kind == kind)
        {
            Advance();
            return token;
        }
        throw SyntaxError.Create(_source, token.Start, $"Expected {kind.Describe()}, found {token.Describe()}.");
    }

    private bool ExpectOptional(TokenKind kind)
    {
        if (_lexer.Token.Kind == kind)
        {
            Advance();
            return true;
        }
        return false;
    }

    private void ExpectKeyword(string value)
    {
        var token = _lexer.Token;
        if (token.Kind == TokenKind.Name && token.Value == value)
        {
            Advance();
            return;
        }
        throw SyntaxError.Create(_source, token.Start, $"Expected \"{value}\", found {token.Describe()}.");
    }

    private bool ExpectOptionalKeyword(string value)
    {
        var token = _lexer.Token;
        if (token.Kind == TokenKind.Name && token.Value == value)
        {
            Advance();
            return true;
        }
        return false;
    }

    private GraphQLError Unexpected(Token token) =>
        SyntaxError.Create(_source, token.Start, $"Unexpected {token.Describe()}.");

    // open item+ close
    private List<T> Many<T>(TokenKind open, Func<T> parse, TokenKind close)
    {
        Expect(open);
        var nodes = new List<T>();
        do
        {
            nodes.Add(parse());
        }
        while (!ExpectOptional(close));
        return nodes;
    }

    // (open item+ close)?
    private IReadOnlyList<T> OptionalMany<T>(TokenKind open, Func<T> parse, TokenKind close) =>
        Peek(open) ? Many(open, parse, close) : [];

    // delimiter? item (delimiter item)*
    private List<T> DelimitedMany<T>(TokenKind delimiter, Func<T> parse)
    {
        ExpectOptional(delimiter);
        var nodes = new List<T>();
        do
        {
            nodes.Add(parse());
        }
        while (ExpectOptional(delimiter));
        return nodes;
    }
}
