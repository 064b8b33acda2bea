namespace GraphReports.Sqlite.Recent;

/// <summary>
/// One array per thread, indexed by interned id, in which a distinct count marks each id it met with the count's
/// stamp: no hashing, and no clearing between counts (a new stamp forgets the old marks).
/// </summary>
internal static class DistinctMarks
{
    [ThreadStatic] private static int[]? t_marks;
    [ThreadStatic] private static int t_stamp;

    public static int[] Begin(out int stamp)
    {
        t_marks ??= new int[1 << 16];
        if (++t_stamp == int.MaxValue)
        {
            Array.Clear(t_marks);
            t_stamp = 1;
        }
        stamp = t_stamp;
        return t_marks;
    }

    /// <summary>The thread's array, grown to hold <paramref name="id"/> (marks kept).</summary>
    public static int[] Grow(int id)
    {
        var marks = t_marks!;
        Array.Resize(ref marks, Math.Max(id + 1, marks.Length * 2));
        return t_marks = marks;
    }
}
