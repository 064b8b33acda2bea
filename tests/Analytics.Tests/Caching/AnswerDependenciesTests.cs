using GraphReports.Analytics.Caching;
using GraphReports.Analytics.Time;

namespace GraphReports.Analytics.Tests.Caching;

public class AnswerDependenciesTests
{
    private static readonly Month March = new(2026, 3), April = new(2026, 4);

    [Fact]
    public void A_response_is_reusable_only_when_every_query_asked_was_vouched_for()
    {
        using var recording = AnswerDependencies.Record();
        AnswerDependencies.Asked(3);
        AnswerDependencies.Vouch("acme", March, "t1");
        AnswerDependencies.Vouch("acme", March, "t1");
        Assert.Null(recording.Dependencies.Reusable()); // one query reached the store without the cache's word

        AnswerDependencies.Vouch("acme", April, "t7");
        Assert.Equal([("acme", March, "t1"), ("acme", April, "t7")], recording.Dependencies.Reusable()!.OrderBy(d => d.Month));
    }

    [Fact]
    public void One_refused_answer_or_two_tokens_of_one_month_make_it_not_reusable()
    {
        using (var refused = AnswerDependencies.Record())
        {
            AnswerDependencies.Asked(1);
            AnswerDependencies.Vouch("acme", March, "t1");
            AnswerDependencies.Refuse();
            Assert.Null(refused.Dependencies.Reusable());
        }
        using var changed = AnswerDependencies.Record();
        AnswerDependencies.Asked(2);
        AnswerDependencies.Vouch("acme", March, "t1");
        AnswerDependencies.Vouch("acme", March, "t2"); // a late event between two batches of one request
        Assert.Null(changed.Dependencies.Reusable());
    }

    [Fact]
    public void Answers_that_can_still_change_are_accounted_for_and_marked_as_changing()
    {
        using var recording = AnswerDependencies.Record();
        AnswerDependencies.Asked(3);
        AnswerDependencies.Vouch("acme", March, "t1");
        Assert.False(recording.Dependencies.HasChangingAnswers);

        AnswerDependencies.Changing(2); // the open month and a custom period
        Assert.Equal([("acme", March, "t1")], recording.Dependencies.Reusable()!);
        Assert.True(recording.Dependencies.HasChangingAnswers);
    }

    [Fact]
    public async Task What_runs_inside_the_recording_is_recorded_and_nothing_after_it()
    {
        AnswerDependencies recorded;
        using (var recording = AnswerDependencies.Record())
        {
            recorded = recording.Dependencies;
            await Task.Run(async () =>
            {
                await Task.Yield();
                AnswerDependencies.Asked(1);
                AnswerDependencies.Vouch("acme", March, "t1");
            });
        }
        AnswerDependencies.Refuse(); // outside any recording: no effect
        Assert.Equal([("acme", March, "t1")], recorded.Reusable()!);
    }
}
