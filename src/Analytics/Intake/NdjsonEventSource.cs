namespace GraphReports.Analytics.Intake;

/// <summary>
/// Reads NDJSON (one JSON value per line, <c>\n</c> or <c>\r\n</c>) from a stream in constant
/// memory: the buffer holds at most one event plus one read. Blank lines are skipped but counted,
/// so <see cref="Line"/> is the line number an editor shows. Each line's JSON is checked by whoever
/// reads <see cref="Current"/> (the event reader reports syntax errors per line).
/// </summary>
public sealed class NdjsonEventSource : IEventSource
{
    private readonly Stream _stream;
    private readonly int _maxEventBytes;
    private readonly bool _skipOversized;
    private byte[] _buffer;
    private int _start, _end;
    private bool _eof;
    private long _nextLine = 1;

    /// <param name="stream">The body, already decompressed.</param>
    /// <param name="maxEventBytes">Longest line accepted.</param>
    /// <param name="skipOversized">
    /// False (HTTP): a longer line throws <see cref="IntakeLimitException"/>. True (import): the line
    /// is skipped and reported through <see cref="CurrentIsOversized"/> so the import goes on.
    /// </param>
    public NdjsonEventSource(Stream stream, int maxEventBytes = 1024 * 1024, bool skipOversized = false)
    {
        _stream = stream;
        _maxEventBytes = maxEventBytes;
        _skipOversized = skipOversized;
        _buffer = new byte[Math.Min(64 * 1024, maxEventBytes + 2)];
    }

    public ReadOnlyMemory<byte> Current { get; private set; }
    public int Index { get; private set; } = -1;
    public long Line { get; private set; }

    /// <summary>True when the current line was longer than the limit and skipped (<see cref="Current"/> is empty).</summary>
    public bool CurrentIsOversized { get; private set; }

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken = default)
    {
        var skipping = false;
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0 || (_eof && _end > _start))
            {
                var length = newline >= 0 ? newline : _end - _start;
                var line = _buffer.AsMemory(_start, length);
                _start += newline >= 0 ? length + 1 : length;
                var lineNumber = _nextLine++;
                if (skipping)
                {
                    return Yield(ReadOnlyMemory<byte>.Empty, lineNumber, oversized: true);
                }
                if (line.Length > 0 && line.Span[^1] == (byte)'\r') line = line[..^1];
                if (IsBlank(line.Span)) continue;
                if (line.Length > _maxEventBytes) { if (!_skipOversized) throw Oversized(lineNumber); return Yield(ReadOnlyMemory<byte>.Empty, lineNumber, oversized: true); }
                return Yield(line, lineNumber, oversized: false);
            }
            if (_eof)
            {
                if (skipping) return Yield(ReadOnlyMemory<byte>.Empty, _nextLine++, oversized: true);
                Current = default;
                return false;
            }
            if (_end - _start > _maxEventBytes + 1)
            {
                if (!_skipOversized) throw Oversized(_nextLine);
                // Drop what we hold of the oversized line and keep reading until its end.
                skipping = true;
                _start = _end = 0;
            }
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private bool Yield(ReadOnlyMemory<byte> line, long lineNumber, bool oversized)
    {
        Current = line;
        Line = lineNumber;
        Index++;
        CurrentIsOversized = oversized;
        return true;
    }

    private IntakeLimitException Oversized(long line) =>
        new(IntakeLimit.EventBytes, _maxEventBytes, $"Line {line} is longer than the limit of {_maxEventBytes} bytes per event.");

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            // Keep the partial line, move it to the front.
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, _maxEventBytes + 64 * 1024));
        var n = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (n == 0) _eof = true;
        _end += n;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        return true;
    }
}
