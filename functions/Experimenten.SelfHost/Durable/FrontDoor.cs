namespace Experimenten.SelfHost.Durable;

/// <summary>
/// Counts the uploads (submissions, revised plans, reports) being received right now. While any is,
/// the durable backend's background work steps aside (<see cref="UploadsFirstService{T}"/>): the self-host
/// is one process on a few cores, and a resident waiting on the form matters more than an email that
/// can go out a few seconds later.
/// </summary>
public sealed class FrontDoor
{
    readonly Lock sync = new();
    int inFlight;
    TaskCompletionSource quiet = Quiet();

    public bool IsBusy => Volatile.Read(ref inFlight) > 0;

    /// <summary>Marks one upload as being received until the returned visit is disposed.</summary>
    public IDisposable Enter()
    {
        lock (sync)
        {
            if (inFlight++ == 0)
            {
                quiet = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Visit(this);
    }

    /// <summary>Completes when no upload is being received.</summary>
    public Task WhenQuiet()
    {
        lock (sync)
        {
            return quiet.Task;
        }
    }

    void Leave()
    {
        lock (sync)
        {
            if (--inFlight == 0)
            {
                quiet.TrySetResult();
            }
        }
    }

    static TaskCompletionSource Quiet()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    sealed class Visit(FrontDoor door) : IDisposable
    {
        int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                door.Leave();
            }
        }
    }
}
