namespace Experimenten.Text;

// One resource file per audience (Text/{Name}.resx, Dutch, the neutral language; Text/{Name}.en.resx beside it).
// A third language is added by adding Text/{Name}.{culture}.resx files only: Languages finds it from the
// satellite assembly the build makes. These empty types only name the files for IStringLocalizer<T>.

/// <summary>Words every audience reads: the layout, form fields, deadlines, stages, waiting-on and decisions.</summary>
public sealed class SharedText;

/// <summary>The residents and welfare organisations: the form, the status page, revision and report uploads.</summary>
public sealed class ApplicantText;

/// <summary>The fund's reviewers: the review page and the plan.</summary>
public sealed class ReviewerText;

/// <summary>The fund office: sign-in, the list and the detail page.</summary>
public sealed class CoordinatorText;

/// <summary>Every email, per kind.</summary>
public sealed class EmailText;

/// <summary>Problem details (RFC 7807) of the API, in the reader's language.</summary>
public sealed class ProblemText;

/// <summary>The lines of an application's timeline.</summary>
public sealed class TimelineText;

/// <summary>The development outbox.</summary>
public sealed class DevelopmentText;

/// <summary>The coordinator's pages for calls and the review panel, and the public page of a call.</summary>
public sealed class CallText;
