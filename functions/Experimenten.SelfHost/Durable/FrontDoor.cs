namespace Experimenten.SelfHost.Durable;

/// <summary>
/// Counts the uploads (submissions, revised plans, reports) being received right now. While any is,
/// the durable backend's background work steps aside (<see cref="UploadsFirstService{T}"/>): the self-host
/// is one process on a few cores, and a resident waiting on the form matters more than an email that
/// can go out a few seconds later. An upload counts for its first <paramref name="holdLimit"/> (default 5 s)
/// only: a resident on a slow connection is no load on the host, and must not hold everyone's emails back.
/// </summary>
public sealed class FrontDoor(TimeSpan? holdLimit = null)
{
    readonly TimeSpan holdLimit = holdLimit ?? TimeSpan.FromSeconds(5);
    readonly Lock sync = new();
    int inFlight;
    TaskCompletionSource quiet = Quiet();

    public bool IsBusy => Volatile.Read(ref inFlight) > 0;

    /// <summary>Raised when the first upload comes in (true) and when the last one is in (false).</summary>
    public event Action<bool>? BusyChanged;

    /// <summary>Marks one upload as being received until the returned visit is disposed.</summary>
    public IDisposable Enter()
    {
        lock (sync)
        {
            if (inFlight++ == 0)
            {
                quiet = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                BusyChanged?.Invoke(true);
            }
        }

        return new Visit(this, holdLimit);
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
                BusyChanged?.Invoke(false);
            }
        }
    }

    static TaskCompletionSource Quiet()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    sealed class Visit : IDisposable
    {
        readonly FrontDoor door;
        readonly CancellationTokenSource expiry;
        int left;

        public Visit(FrontDoor door, TimeSpan holdLimit)
        {
            this.door = door;
            expiry = new CancellationTokenSource(holdLimit);
            expiry.Token.Register(Leave);
        }

        public void Dispose()
        {
            Leave();
            expiry.Dispose();
        }

        // Once, whether the upload ends or its hold runs out first.
        void Leave()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                door.Leave();
            }
        }
    }
}
