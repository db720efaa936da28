namespace Experimenten.Health;

/// <summary>Failed sends in a row and the last answer, kept in memory per host for <see cref="EmailHealthCheck"/>.</summary>
public sealed class EmailDeliveryRecord
{
    readonly Lock gate = new();
    int failures;
    string lastStatus = "";

    public (int Failures, string LastStatus) Current
    {
        get
        {
            lock (gate)
            {
                return (failures, lastStatus);
            }
        }
    }

    public void Succeeded()
    {
        lock (gate)
        {
            failures = 0;
            lastStatus = "accepted";
        }
    }

    /// <param name="status">What the transport answered, e.g. "401" or "timeout"; never a message body or address.</param>
    public void Failed(string status)
    {
        lock (gate)
        {
            failures++;
            lastStatus = status;
        }
    }
}
