namespace Chat.Search.Query;

/// <summary>
/// A node of a parsed search query (docs/protocol.md, "Query language"). <see cref="Position"/> is the
/// node's 0-based UTF-16 offset in the query, so a refusal found later (an unknown user) can say where.
/// </summary>
public abstract record QueryNode(int Position);

/// <summary>Every part must match: the implicit operator between parts side by side.</summary>
public sealed record AndNode(IReadOnlyList<QueryNode> Parts, int Position) : QueryNode(Position);

/// <summary>Any part may match: <c>a OR b</c>.</summary>
public sealed record OrNode(IReadOnlyList<QueryNode> Parts, int Position) : QueryNode(Position);

/// <summary><c>-x</c>: leaves out what <see cref="Operand"/> matches.</summary>
public sealed record NotNode(QueryNode Operand, int Position) : QueryNode(Position);

/// <summary>A word as typed (not yet folded): found anywhere in the text, also inside a longer word.</summary>
public sealed record TermNode(string Text, int Position) : QueryNode(Position);

/// <summary><c>"exact phrase"</c>: its words in order, side by side.</summary>
public sealed record PhraseNode(string Text, int Position) : QueryNode(Position);

/// <summary><c>#tag</c>: <see cref="Lexeme"/> is the folded tag with its <c>#</c>, as the index holds it.</summary>
public sealed record HashtagNode(string Lexeme, int Position) : QueryNode(Position);

/// <summary><c>name:value</c>; <see cref="ValuePosition"/> is where the value starts (refusals of the value point there).</summary>
public sealed record FilterNode(QueryFilter Filter, string Value, int Position, int ValuePosition) : QueryNode(Position);
