namespace Experimenten.Privacy;

/// <summary>Why an application's personal data is erased: it decides the audit action and what "not found" means.</summary>
public enum ErasureCause
{
    /// <summary>A coordinator, on a subject's request or for another reason they give: an unknown application is "not found".</summary>
    Coordinator,

    /// <summary>The call's retention ran out: an application that is gone already is nothing to do.</summary>
    Retention,
}
