namespace GreetingLib;

public static class Greeter
{
    public static string Greet(string name) => $"Hello from a #:project library, {name}!";
}
