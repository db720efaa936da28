namespace Experimenten.Email.Templates;

/// <summary>One email kind: writes its blocks into the draft and returns its subject, every word from <c>EmailText</c>.</summary>
public interface IEmailTemplate
{
    EmailKind Kind { get; }

    string Write(EmailDraft mail);
}
