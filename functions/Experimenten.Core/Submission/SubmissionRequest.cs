using Experimenten.Commands;
using Experimenten.Commands.Applicant;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Submission;

/// <summary>
/// A multipart <c>POST /api/applications</c> as read: the typed command or why it cannot be one, the language
/// to answer in, whether the form's plain post asked for a page, and what was typed (to show the form again).
/// </summary>
public sealed record SubmissionRequest(string Language, bool WantsPage, IFormCollection? Form, Outcome<SubmitApplication> Command);
