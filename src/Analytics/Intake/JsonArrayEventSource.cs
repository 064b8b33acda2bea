using System.Text.Json;
using GraphReports.Analytics.Events;

namespace GraphReports.Analytics.Intake;

/// <summary>
/// Reads a JSON array body element by element in constant memory (the buffer holds at most one
/// element plus one read), with <see cref="Utf8JsonReader"/> resumed across reads. The whole body's
/// syntax is checked, trailing content included; an error names the line, the byte in that line and
/// the element being read.
/// </summary>
public sealed class JsonArrayEventSource : IEventSource
{
    private enum Step { NeedMoreData, Element, End }

    private readonly Stream _stream;
    private readonly int _maxEventBytes;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start, _end;
    private bool _eof, _started, _finished;
    private JsonReaderState _state;
    private long _line; // line breaks before _start

    public JsonArrayEventSource(Stream stream, int maxEventBytes = 1024 * 1024)
    {
        _stream = stream;
        _maxEventBytes = maxEventBytes;
    }

    public ReadOnlyMemory<byte> Current { get; private set; }
    public int Index { get; private set; } = -1;
    public long Line { get; private set; }

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            switch (TryStep())
            {
                case Step.Element: return true;
                case Step.End: Current = default; return false;
            }
            if (_eof) throw new MalformedBodyException($"Malformed JSON: the body ends inside element {Index + 1} of the array.", index: Index + 1);
            if (_end - _start > _maxEventBytes)
                throw new IntakeLimitException(IntakeLimit.EventBytes, _maxEventBytes, $"Element {Index + 1} of the array is longer than the limit of {_maxEventBytes} bytes per event.");
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private Step TryStep()
    {
        var origin = _start;
        // Never a final block: incomplete data then reads as "need more" (an honest "the body ends
        // inside element n" at end of input) instead of a generic reader error.
        var reader = new Utf8JsonReader(_buffer.AsSpan(origin, _end - origin), isFinalBlock: false, _state);
        try
        {
            if (!_started)
            {
                if (!reader.Read()) return _eof ? throw new MalformedBodyException("Malformed JSON: the body is empty; expected a JSON array of events.", 1, 1) : Step.NeedMoreData;
                if (reader.TokenType != JsonTokenType.StartArray)
                    throw new MalformedBodyException($"Malformed JSON: the body must be a JSON array of events (or send NDJSON with Content-Type: application/x-ndjson), but it starts with {reader.TokenType}.", 1, 1);
                _started = true;
                Commit(origin, ref reader);
            }
            if (_finished)
            {
                // Only white space may follow the array; the reader throws on anything else.
                if (reader.Read()) throw new MalformedBodyException("Malformed JSON: content after the end of the array.");
                return _eof ? Step.End : Step.NeedMoreData;
            }
            if (!reader.Read()) return Step.NeedMoreData;
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                _finished = true;
                Commit(origin, ref reader);
                return TryStep();
            }
            var elementStart = origin + (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()) return Step.NeedMoreData;
            var elementEnd = origin + (int)reader.BytesConsumed;
            Current = _buffer.AsMemory(elementStart, elementEnd - elementStart);
            Line = _line + 1 + _buffer.AsSpan(_start, elementStart - _start).Count((byte)'\n');
            Index++;
            Commit(origin, ref reader);
            return Step.Element;
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            var reason = JsonSyntaxError.Reason(e);
            var where = !_started ? "before the array" : _finished ? "after the array" : $"in element {Index + 1} of the array";
            throw new MalformedBodyException($"Malformed JSON at line {line}, byte {column} ({where}): {reason}", line, column, _started && !_finished ? Index + 1 : null);
        }
    }

    private void Commit(int origin, ref Utf8JsonReader reader)
    {
        var committed = origin + (int)reader.BytesConsumed;
        _line += _buffer.AsSpan(_start, committed - _start).Count((byte)'\n');
        _start = committed;
        _state = reader.CurrentState;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var n = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (n == 0) _eof = true;
        _end += n;
    }
}
