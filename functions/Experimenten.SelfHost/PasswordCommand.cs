using Experimenten.Coordinator;

namespace Experimenten.SelfHost;

/// <summary>
/// <c>hash-password</c>: reads a new coordinator password from standard input (without echo at a terminal)
/// and prints the hash to put in <c>Coordinator:Credentials:N:PasswordHash</c>. The password itself is never stored.
/// </summary>
static class PasswordCommand
{
    public const string Name = "hash-password";

    public static int Run()
    {
        var password = ReadPassword();
        if (password.Length < 12)
        {
            Console.Error.WriteLine("Choose a password of at least 12 characters.");
            return 2;
        }

        Console.WriteLine(PasswordHashing.Hash(password));
        return 0;
    }

    static string ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return (Console.In.ReadLine() ?? "").TrimEnd('\r', '\n');
        }

        Console.Error.Write("New coordinator password: ");
        var typed = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
            {
                typed.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return typed.ToString();
    }
}
