using SecretSync.Core.Stores.GitHub.Crypto;

namespace SecretSync.Core.Tests.GitHub;

public sealed class HSalsa20Tests
{
    // NaCl / libsodium test/default/core1.c: the shared X25519 secret of the paper's Alice and Bob, hashed with 16
    // zero bytes (crypto_box_beforenm), gives "firstkey".
    private const string Shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
    private const string FirstKey = "1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389";

    // libsodium test/default/core2.c: firstkey and the first 16 bytes of the paper's nonce give "secondkey".
    private const string NoncePrefix = "69696ee955b62b73cd62bda875fc73d6";
    private const string SecondKey = "dc908dda0b9344a953629b733820778880f3ceb421bb61b91cbd4c3e66256ce4";

    [Theory]
    [InlineData(Shared, "00000000000000000000000000000000", FirstKey)]
    [InlineData(FirstKey, NoncePrefix, SecondKey)]
    public void Derive_WithNaClVectors_ShouldMatchLibsodium(string key, string input, string expected)
    {
        var output = new byte[HSalsa20.KeyLength];

        HSalsa20.Derive(Convert.FromHexString(key), Convert.FromHexString(input), output);

        Assert.Equal(expected, Convert.ToHexStringLower(output));
    }
}
