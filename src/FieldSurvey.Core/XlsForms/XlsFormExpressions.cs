using System.Globalization;
using System.Text.RegularExpressions;
using FieldSurvey.Core.Interviews;

namespace FieldSurvey.Core.XlsForms;

/// <summary>
/// The part of the XLSForm expression language the guide can hold. A guide's show-if is one earlier choice
/// question and a set of codes, so <c>relevant</c> translates when it is an "or" of <c>${q} = 'x'</c> and
/// <c>selected(${q}, 'x')</c> on one question; its checks are a minimum and a maximum, so <c>constraint</c>
/// translates when it is an "and" of comparisons of <c>.</c> with numbers. Anything else returns null and the
/// importer lists it (the guide cannot run arbitrary expressions, and guessing would change the questionnaire).
/// </summary>
public static partial class XlsFormExpressions
{
    [GeneratedRegex(@"\s*(\$\{[^}]*\}|'[^']*'|""[^""]*""|-?\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_:-]*|!=|<=|>=|[=<>(),.])")]
    private static partial Regex Token();

    static List<string>? Tokens(string expression)
    {
        var tokens = new List<string>();
        var at = 0;
        foreach (Match m in Token().Matches(expression))
        {
            if (m.Index != at) return null;
            tokens.Add(m.Groups[1].Value);
            at = m.Index + m.Length;
        }
        return expression[at..].Trim().Length == 0 ? tokens : null;
    }

    static string? Reference(string token) => token.StartsWith("${", StringComparison.Ordinal) ? token[2..^1].Trim() : null;
    static string? Literal(string token) => token.Length >= 2 && token[0] is '\'' or '"' ? token[1..^1] : null;

    /// <summary>Splits on a keyword at the top level (outside parentheses); strips one pair of outer parentheses.</summary>
    static List<List<string>> Split(List<string> tokens, string keyword)
    {
        while (tokens.Count > 2 && tokens[0] == "(" && tokens[^1] == ")" && Closes(tokens)) tokens = tokens[1..^1];
        var parts = new List<List<string>> { new() };
        var depth = 0;
        foreach (var t in tokens)
        {
            if (t == "(") depth++;
            if (t == ")") depth--;
            if (depth == 0 && t == keyword) parts.Add([]);
            else parts[^1].Add(t);
        }
        return parts;
    }

    static bool Closes(List<string> tokens)
    {
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            depth += tokens[i] == "(" ? 1 : tokens[i] == ")" ? -1 : 0;
            if (depth == 0 && i < tokens.Count - 1) return false;
        }
        return true;
    }

    /// <summary><c>relevant</c> as a show-if, or null when the guide cannot express it.</summary>
    public static ShowIf? Relevant(string expression)
    {
        if (Tokens(expression) is not { } tokens || tokens.Count == 0) return null;
        string? question = null;
        var codes = new List<string>();
        foreach (var t in Disjuncts(tokens))
        {
            string? q, code;
            if (t.Count == 3 && t[1] == "=" && (Reference(t[0]) ?? Reference(t[2])) is { } r && (Literal(t[2]) ?? Literal(t[0])) is { } l)
                (q, code) = (r, l);
            else if (t.Count == 6 && t[0] == "selected" && t[1] == "(" && t[3] == "," && t[5] == ")" && Reference(t[2]) is { } r2 && Literal(t[4]) is { } l2)
                (q, code) = (r2, l2);
            else return null;
            if (question is not null && question != q) return null;
            question = q;
            if (!codes.Contains(code)) codes.Add(code);
        }
        return question is null ? null : new ShowIf(question, codes);
    }

    static IEnumerable<List<string>> Disjuncts(List<string> tokens)
    {
        var parts = Split(tokens, "or");
        return parts.Count == 1 ? parts : parts.SelectMany(Disjuncts);
    }

    /// <summary>A show-if written back as XLSForm (<c>selected</c> works for select_one and select_multiple).</summary>
    public static string Relevant(ShowIf showIf) =>
        string.Join(" or ", showIf.In.Select(c => $"selected(${{{showIf.Question}}}, '{c}')"));

    /// <summary><c>constraint</c> as a minimum and maximum, or null when it is anything else.</summary>
    public static (decimal? Min, decimal? Max)? Constraint(string expression, bool wholeNumbers)
    {
        if (Tokens(expression) is not { } tokens || tokens.Count == 0) return null;
        decimal? min = null, max = null;
        foreach (var t in Split(tokens, "and"))
        {
            if (t.Count != 3) return null;
            var (op, number) = t[0] == "." ? (t[1], t[2]) : t[2] == "." ? (Flip(t[1]), t[0]) : ("", "");
            if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)) return null;
            // A strict bound is a bound only where answers are whole numbers (. > 0 is . >= 1).
            switch (op)
            {
                case ">=": min = Math.Max(min ?? n, n); break;
                case "<=": max = Math.Min(max ?? n, n); break;
                case ">" when wholeNumbers && decimal.Truncate(n) == n: min = Math.Max(min ?? n + 1, n + 1); break;
                case "<" when wholeNumbers && decimal.Truncate(n) == n: max = Math.Min(max ?? n - 1, n - 1); break;
                default: return null;
            }
        }
        return (min, max);
    }

    static string Flip(string op) => op switch { ">=" => "<=", "<=" => ">=", ">" => "<", "<" => ">", _ => op };

    public static string? Constraint(decimal? min, decimal? max) => (min, max) switch
    {
        ({ } a, { } b) => $". >= {Number(a)} and . <= {Number(b)}",
        ({ } a, null) => $". >= {Number(a)}",
        (null, { } b) => $". <= {Number(b)}",
        _ => null,
    };

    public static string Number(decimal n) => n.ToString(CultureInfo.InvariantCulture);
}
