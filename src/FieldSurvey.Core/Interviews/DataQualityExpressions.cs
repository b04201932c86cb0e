using System.Globalization;

namespace FieldSurvey.Core.Interviews;

/// <summary>
/// The PI's data-quality rules: a small expression over question ids that must hold for an interview, such as
/// <c>A3 &lt;= A2</c>, <c>C3.ZLS + C3.BJ &lt;= 100</c>, <c>G1 = "yes" and not empty(G2)</c>, <c>has(A6, "rnd") or A3 = 0</c>.
/// <para>Grammar (lowest precedence first): <c>or</c>, <c>and</c>, <c>not</c>, one comparison (<c>= != &lt; &lt;= &gt; &gt;=</c>),
/// <c>+ -</c>, <c>* /</c>, unary <c>-</c>; atoms are numbers, "text" or 'text', a question id, <c>Q.part</c> (one share of a split
/// question) and the functions <c>empty(Q)</c>, <c>has(Q, "code")</c>, <c>count(Q)</c> (codes chosen), <c>sum(Q)</c> (a split's total).</para>
/// <para>Why not the XLSForm translator (<see cref="XlsForms.XlsFormExpressions"/>): it only recognises the two shapes a guide's
/// show-if and range can hold and refuses the rest; a rule needs arithmetic and named errors. Its token shapes (quoted
/// literals, numbers, names) are the same, so a rule reads like an XLSForm <c>constraint</c> without the <c>${}</c>.</para>
/// <para>Blank answers: a comparison with a blank (unanswered, skipped by show-if, or blank with a reason) is unknown, and a rule
/// that comes out unknown raises nothing (as REDCap's data-quality rules skip blank fields); <c>empty(Q)</c> is how a rule asks
/// about blanks.</para>
/// </summary>
public static class DataQualityExpressions
{
    /// <summary>Parses and type-checks <paramref name="text"/> against a guide; either a rule or its errors (codes with a position).</summary>
    public static RuleParse Parse(string text, Guide guide, Func<GuideQuestion, IReadOnlyList<GuideOption>>? partsOf = null)
    {
        var (tokens, lexError) = Tokenize(text ?? "");
        if (lexError is not null) return new(null, [lexError]);
        var parser = new Parser(tokens);
        Node node;
        try
        {
            node = parser.Expression();
            if (parser.Peek.Kind != TokenKind.End) throw new SyntaxError(parser.Peek);
        }
        catch (SyntaxError e)
        {
            return new(null, [e.Token.Kind == TokenKind.End
                ? new ExpressionError("dq-syntax-end", e.Token.Position)
                : new ExpressionError("dq-syntax", e.Token.Position, e.Token.Text)]);
        }
        var errors = new List<ExpressionError>();
        var type = new Checker(guide, partsOf, errors).Type(node);
        if (errors.Count == 0 && type != ValueType.Bool) errors.Add(new("dq-not-a-condition", 0, type.ToString().ToLowerInvariant()));
        if (errors.Count > 0) return new(null, errors);
        var ids = new List<string>();
        Collect(node, ids);
        return new(new ParsedRule(node, ids), []);
    }

    static void Collect(Node node, List<string> ids)
    {
        switch (node)
        {
            case QuestionRef q when !ids.Contains(q.Id): ids.Add(q.Id); break;
            case Unary u: Collect(u.Operand, ids); break;
            case Binary b: Collect(b.Left, ids); Collect(b.Right, ids); break;
            case Call c: foreach (var a in c.Args) Collect(a, ids); break;
        }
    }

    // ---- tokens ----

    internal enum TokenKind { Number, Text, Name, Op, LParen, RParen, Comma, End }

    internal sealed record Token(TokenKind Kind, string Text, int Position);

    static readonly string[] Operators = ["<=", ">=", "!=", "=", "<", ">", "+", "-", "*", "/"];

    static (List<Token>, ExpressionError?) Tokenize(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
                {
                    i++;
                    while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                }
                tokens.Add(new(TokenKind.Number, s[start..i], start));
            }
            else if (c is '"' or '\'')
            {
                var end = s.IndexOf(c, i + 1);
                if (end < 0) return (tokens, new ExpressionError("dq-unterminated-text", start));
                tokens.Add(new(TokenKind.Text, s[(i + 1)..end], start));
                i = end + 1;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                // A question id, a keyword or a function; "C3.ZLS" is one name (a split's part).
                while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '_' or '.' || (s[i] == '-' && i > start && s[i - 1] == '.'))) i++;
                tokens.Add(new(TokenKind.Name, s[start..i], start));
            }
            else if (c == '(') { tokens.Add(new(TokenKind.LParen, "(", i++)); }
            else if (c == ')') { tokens.Add(new(TokenKind.RParen, ")", i++)); }
            else if (c == ',') { tokens.Add(new(TokenKind.Comma, ",", i++)); }
            else if (Operators.FirstOrDefault(o => string.CompareOrdinal(s, i, o, 0, o.Length) == 0) is { } op)
            {
                tokens.Add(new(TokenKind.Op, op, i));
                i += op.Length;
            }
            else return (tokens, new ExpressionError("dq-bad-character", i, c.ToString()));
        }
        tokens.Add(new(TokenKind.End, "", s.Length));
        return (tokens, null);
    }

    // ---- syntax tree ----

    internal abstract record Node(int Position);
    internal sealed record NumberLit(decimal Value, int Position) : Node(Position);
    internal sealed record TextLit(string Value, int Position) : Node(Position);
    internal sealed record QuestionRef(string Id, string? Part, int Position) : Node(Position);
    internal sealed record Unary(string Op, Node Operand, int Position) : Node(Position);
    internal sealed record Binary(string Op, Node Left, Node Right, int Position) : Node(Position);
    internal sealed record Call(string Name, IReadOnlyList<Node> Args, int Position) : Node(Position);

    sealed class SyntaxError(Token token) : Exception
    {
        public Token Token { get; } = token;
    }

    static readonly HashSet<string> Comparisons = ["=", "!=", "<", "<=", ">", ">="];

    sealed class Parser(List<Token> tokens)
    {
        int at;
        public Token Peek => tokens[at];
        Token Next() => tokens[at++];
        bool IsName(string word) => Peek.Kind == TokenKind.Name && string.Equals(Peek.Text, word, StringComparison.OrdinalIgnoreCase);

        public Node Expression() => Or();

        Node Or()
        {
            var left = And();
            while (IsName("or")) { var op = Next(); left = new Binary("or", left, And(), op.Position); }
            return left;
        }

        Node And()
        {
            var left = Not();
            while (IsName("and")) { var op = Next(); left = new Binary("and", left, Not(), op.Position); }
            return left;
        }

        Node Not()
        {
            if (!IsName("not")) return Comparison();
            var op = Next();
            return new Unary("not", Not(), op.Position);
        }

        Node Comparison()
        {
            var left = Sum();
            if (Peek.Kind == TokenKind.Op && Comparisons.Contains(Peek.Text))
            {
                var op = Next();
                left = new Binary(op.Text, left, Sum(), op.Position);
                // a < b < c reads like maths but means nothing here: say so at the second operator.
                if (Peek.Kind == TokenKind.Op && Comparisons.Contains(Peek.Text)) throw new SyntaxError(Peek);
            }
            return left;
        }

        Node Sum()
        {
            var left = Product();
            while (Peek is { Kind: TokenKind.Op, Text: "+" or "-" }) { var op = Next(); left = new Binary(op.Text, left, Product(), op.Position); }
            return left;
        }

        Node Product()
        {
            var left = Negation();
            while (Peek is { Kind: TokenKind.Op, Text: "*" or "/" }) { var op = Next(); left = new Binary(op.Text, left, Negation(), op.Position); }
            return left;
        }

        Node Negation()
        {
            if (Peek is not { Kind: TokenKind.Op, Text: "-" }) return Atom();
            var op = Next();
            return new Unary("-", Negation(), op.Position);
        }

        Node Atom()
        {
            var t = Next();
            switch (t.Kind)
            {
                case TokenKind.Number:
                    return new NumberLit(decimal.Parse(t.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), t.Position);
                case TokenKind.Text:
                    return new TextLit(t.Text, t.Position);
                case TokenKind.LParen:
                    var inner = Expression();
                    if (Next() is { Kind: not TokenKind.RParen } wrong) throw new SyntaxError(wrong);
                    return inner;
                case TokenKind.Name when t.Text.ToLowerInvariant() is "and" or "or" or "not":
                    throw new SyntaxError(t);
                case TokenKind.Name when Peek.Kind == TokenKind.LParen:
                    Next();
                    var args = new List<Node>();
                    if (Peek.Kind != TokenKind.RParen)
                    {
                        args.Add(Expression());
                        while (Peek.Kind == TokenKind.Comma) { Next(); args.Add(Expression()); }
                    }
                    if (Next() is { Kind: not TokenKind.RParen } bad) throw new SyntaxError(bad);
                    return new Call(t.Text.ToLowerInvariant(), args, t.Position);
                case TokenKind.Name:
                    var dot = t.Text.IndexOf('.');
                    if (dot == t.Text.Length - 1) throw new SyntaxError(t);
                    return dot < 0 ? new QuestionRef(t.Text, null, t.Position) : new QuestionRef(t.Text[..dot], t.Text[(dot + 1)..], t.Position);
                default:
                    throw new SyntaxError(t);
            }
        }
    }

    // ---- types ----

    internal enum ValueType { Number, Text, Bool, Codes, Split, List, Error }

    static ValueType TypeOf(QuestionType t) => t switch
    {
        QuestionType.Integer or QuestionType.Decimal or QuestionType.Scale => ValueType.Number,
        QuestionType.Multiple => ValueType.Codes,
        QuestionType.Split => ValueType.Split,
        QuestionType.Partners => ValueType.List,
        _ => ValueType.Text,   // text, long text, single choice (its code), date (yyyy-mm-dd)
    };

    static string Name(ValueType t) => t.ToString().ToLowerInvariant();

    sealed class Checker(Guide guide, Func<GuideQuestion, IReadOnlyList<GuideOption>>? partsOf, List<ExpressionError> errors)
    {
        ValueType Fail(string code, int at, params object[] args)
        {
            errors.Add(new(code, at, args));
            return ValueType.Error;
        }

        ValueType Expect(Node node, ValueType expected)
        {
            var type = Type(node);
            return type == ValueType.Error || type == expected ? type : Fail("dq-type", node.Position, Name(expected), Name(type));
        }

        public ValueType Type(Node node)
        {
            switch (node)
            {
                case NumberLit: return ValueType.Number;
                case TextLit: return ValueType.Text;
                case QuestionRef q:
                    if (guide.Find(q.Id) is not { } question) return Fail("dq-unknown-question", q.Position, q.Id);
                    if (q.Part is null) return TypeOf(question.Kind);
                    if (question.Kind != QuestionType.Split) return Fail("dq-not-a-split", q.Position, q.Id);
                    var parts = partsOf?.Invoke(question) ?? question.Options ?? [];
                    if (parts.Count > 0 && parts.All(p => p.Code != q.Part)) return Fail("dq-unknown-part", q.Position, q.Part, q.Id);
                    return ValueType.Number;
                case Unary { Op: "not" } u: return Expect(u.Operand, ValueType.Bool) == ValueType.Error ? ValueType.Error : ValueType.Bool;
                case Unary u: return Expect(u.Operand, ValueType.Number);
                case Binary { Op: "and" or "or" } b:
                    var l = Expect(b.Left, ValueType.Bool);
                    var r = Expect(b.Right, ValueType.Bool);
                    return l == ValueType.Error || r == ValueType.Error ? ValueType.Error : ValueType.Bool;
                case Binary { Op: "+" or "-" or "*" or "/" } b:
                    var ln = Expect(b.Left, ValueType.Number);
                    var rn = Expect(b.Right, ValueType.Number);
                    return ln == ValueType.Error || rn == ValueType.Error ? ValueType.Error : ValueType.Number;
                case Binary b: return Compare(b);
                case Call c: return Function(c);
                default: return Fail("dq-syntax", node.Position, "?");
            }
        }

        ValueType Compare(Binary b)
        {
            var l = Type(b.Left);
            var r = Type(b.Right);
            if (l == ValueType.Error || r == ValueType.Error) return ValueType.Error;
            if (l == ValueType.Number && r == ValueType.Number) return ValueType.Bool;
            if (l == ValueType.Text && r == ValueType.Text)
            {
                if (b.Op is not ("=" or "!=")) return Fail("dq-text-order", b.Position, b.Op);
                var before = errors.Count;
                CheckOption(b.Left, b.Right);
                CheckOption(b.Right, b.Left);
                return errors.Count == before ? ValueType.Bool : ValueType.Error;
            }
            // A multiple-choice answer is a set of codes: "A6 = 'rnd'" would be ambiguous, has() says what is meant.
            if (l == ValueType.Codes || r == ValueType.Codes) return Fail("dq-use-has", b.Position);
            return Fail("dq-type", b.Right.Position, Name(l), Name(r));
        }

        // G1 = "yse": a code the single-choice question does not have can never match, which is a typo.
        void CheckOption(Node question, Node literal)
        {
            if (question is QuestionRef { Part: null } q && literal is TextLit text && guide.Find(q.Id) is { Kind: QuestionType.Single } single)
            {
                var options = partsOf?.Invoke(single) ?? single.Options ?? [];
                if (options.Count > 0 && options.All(o => o.Code != text.Value) && !(single.Other && text.Value == "other"))
                    Fail("dq-unknown-option", literal.Position, text.Value, q.Id);
            }
        }

        ValueType Function(Call c)
        {
            (int Count, ValueType Result) signature = c.Name switch
            {
                "empty" => (1, ValueType.Bool),
                "has" => (2, ValueType.Bool),
                "count" => (1, ValueType.Number),
                "sum" => (1, ValueType.Number),
                _ => (-1, ValueType.Error),
            };
            if (signature.Count < 0) return Fail("dq-unknown-function", c.Position, c.Name);
            if (c.Args.Count != signature.Count) return Fail("dq-argument-count", c.Position, c.Name, signature.Count);
            if (c.Args[0] is not QuestionRef { Part: null } q) return Fail("dq-needs-question", c.Args[0].Position, c.Name);
            var type = Type(q);
            if (type == ValueType.Error) return type;
            switch (c.Name)
            {
                case "has" when type is not (ValueType.Codes or ValueType.Text) || guide.Find(q.Id)!.Kind is not (QuestionType.Single or QuestionType.Multiple):
                    return Fail("dq-type", q.Position, "choice", Name(type));
                case "has":
                    if (Type(c.Args[1]) is var t2 && t2 == ValueType.Error) return t2;
                    if (c.Args[1] is not TextLit code) return Fail("dq-type", c.Args[1].Position, "text", Name(Type(c.Args[1])));
                    var question = guide.Find(q.Id)!;
                    var options = partsOf?.Invoke(question) ?? question.Options ?? [];
                    if (options.Count > 0 && options.All(o => o.Code != code.Value) && !(question.Other && code.Value == "other"))
                        return Fail("dq-unknown-option", code.Position, code.Value, q.Id);
                    break;
                case "count" when type is not (ValueType.Codes or ValueType.List):
                    return Fail("dq-type", q.Position, "multiple", Name(type));
                case "sum" when type != ValueType.Split:
                    return Fail("dq-type", q.Position, "split", Name(type));
            }
            return signature.Result;
        }
    }

    // ---- evaluation ----

    /// <summary>
    /// Whether the rule holds for one interview's answers: true, false, or null when it cannot be told (a blank in a
    /// comparison, a division by zero). <paramref name="answerOf"/> gives the stored answer of a shown question and null
    /// for a blank or skipped one; <paramref name="rowsOf"/> the number of partner rows of a list.
    /// </summary>
    public static bool? Evaluate(ParsedRule rule, Guide guide, Func<string, string?> answerOf, Func<string, int>? rowsOf = null) =>
        new Evaluator(guide, answerOf, rowsOf ?? (_ => 0)).Run(rule.Root) as bool?;

    sealed class Evaluator(Guide guide, Func<string, string?> answerOf, Func<string, int> rowsOf)
    {
        public object? Run(Node node) => node switch
        {
            NumberLit n => n.Value,
            TextLit t => t.Value,
            QuestionRef q => Read(q),
            Unary { Op: "not" } u => Run(u.Operand) is bool b ? !b : null,
            Unary u => Run(u.Operand) is decimal d ? -d : null,
            Binary { Op: "and" } b => And(Run(b.Left) as bool?, Run(b.Right) as bool?),
            Binary { Op: "or" } b => Or(Run(b.Left) as bool?, Run(b.Right) as bool?),
            Binary b => Operate(b.Op, Run(b.Left), Run(b.Right)),
            Call c => Function(c),
            _ => null,
        };

        // Kleene's three-valued logic: false and unknown is false, true or unknown is true.
        static bool? And(bool? a, bool? b) => a == false || b == false ? false : a is null || b is null ? null : true;
        static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a is null || b is null ? null : false;

        object? Read(QuestionRef q)
        {
            var question = guide.Find(q.Id)!;
            var value = answerOf(q.Id);
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (q.Part is not null) return AnswerFormat.Split(value) is { } split ? split.GetValueOrDefault(q.Part) : null;
            return TypeOf(question.Kind) switch
            {
                ValueType.Number => AnswerFormat.TryNumber(value, out var n) ? n : null,
                ValueType.Text => question.Kind == QuestionType.Single && AnswerFormat.OtherText(value) is not null ? "other" : value.Trim(),
                _ => value,
            };
        }

        static object? Operate(string op, object? l, object? r)
        {
            if (l is null || r is null) return null;
            if (l is decimal a && r is decimal b)
            {
                return op switch
                {
                    "+" => a + b, "-" => a - b, "*" => a * b, "/" => b == 0 ? null : a / b,
                    "=" => a == b, "!=" => a != b, "<" => a < b, "<=" => a <= b, ">" => a > b, ">=" => a >= b,
                    _ => null,
                };
            }
            return op switch
            {
                "=" => string.Equals(l as string, r as string, StringComparison.Ordinal),
                "!=" => !string.Equals(l as string, r as string, StringComparison.Ordinal),
                _ => null,
            };
        }

        object? Function(Call c)
        {
            var q = (QuestionRef)c.Args[0];
            var question = guide.Find(q.Id)!;
            var value = answerOf(q.Id);
            return c.Name switch
            {
                "empty" => question.Kind == QuestionType.Partners ? rowsOf(q.Id) == 0 : string.IsNullOrWhiteSpace(value),
                _ when question.Kind == QuestionType.Partners && c.Name == "count" => (decimal)rowsOf(q.Id),
                _ when string.IsNullOrWhiteSpace(value) => null,
                "has" => AnswerFormat.Codes(question.Kind, value).Contains(((TextLit)c.Args[1]).Value),
                "count" => AnswerFormat.Multiple(value) is { } codes ? (decimal)codes.Count : null,
                "sum" => AnswerFormat.Split(value) is { } split ? split.Values.Sum() : null,
                _ => null,
            };
        }
    }
}

/// <summary>
/// A problem with a rule's text: a code (the page's string table words it), where in the text (0-based UTF-16
/// position) and its arguments (the unknown id, the expected and found types, the unexpected token).
/// </summary>
public sealed record ExpressionError(string Code, int Position, params object[] Args);

/// <summary>A rule that parsed and type-checked, and the question ids it reads, in order of first use.</summary>
public sealed class ParsedRule
{
    internal ParsedRule(DataQualityExpressions.Node root, IReadOnlyList<string> questionIds) => (Root, QuestionIds) = (root, questionIds);
    internal DataQualityExpressions.Node Root { get; }
    public IReadOnlyList<string> QuestionIds { get; }
}

public sealed record RuleParse(ParsedRule? Rule, IReadOnlyList<ExpressionError> Errors)
{
    public bool Ok => Rule is not null;
}
