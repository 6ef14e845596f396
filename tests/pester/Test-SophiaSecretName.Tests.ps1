BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
}

Describe 'Test-SophiaSecretName' {
    Context 'With plain output' {
        It 'returns <Expected> for <Name>' -ForEach @(
            @{ Name = 'LINEAR_API_KEY'; Expected = $true }
            @{ Name = 'GONG_CLIENT_SECRET'; Expected = $true }
            @{ Name = 'GITHUB_PAT'; Expected = $true }
            @{ Name = 'linear_api_key'; Expected = $false }
            @{ Name = 'LINEAR'; Expected = $false }
            @{ Name = '1PASSWORD_TOKEN'; Expected = $false }
            @{ Name = 'LINEAR-API-KEY'; Expected = $false }
            @{ Name = 'DOTNET_ROOT'; Expected = $false }
        ) {
            Test-SophiaSecretName $Name | Should -Be $Expected
        }

        It 'takes names from the pipeline, one result each' {
            ('LINEAR_API_KEY', 'bad name' | Test-SophiaSecretName) | Should -Be @($true, $false)
        }
    }

    Context 'With -Detailed' {
        It 'splits LAMBDA_LABS_API_KEY into service and credential type' {
            $check = Test-SophiaSecretName LAMBDA_LABS_API_KEY -Detailed
            $check.PSTypeNames[0] | Should -Be 'SecretSync.NameCheck'
            $check.Service | Should -BeExactly 'LAMBDA_LABS'
            $check.CredentialType | Should -BeExactly 'API_KEY'
            $check.EscPath | Should -BeExactly 'lambda_labs.lambda_labs_api_key'
            $check.GitHubCompatible | Should -BeTrue
        }

        It 'says why a bad name is bad and suggests a valid one' {
            $check = Test-SophiaSecretName 'linear-api-key' -Detailed
            $check.IsValid | Should -BeFalse
            $check.SuggestedName | Should -BeExactly 'LINEAR_API_KEY'
            $check.Reason | Should -Match 'LINEAR_API_KEY'
        }

        It 'suggests the catalogued name a near miss is likely a typo of' {
            $check = Test-SophiaSecretName LINEAR_API_KY -Detailed
            $check.IsValid | Should -BeFalse
            $check.SuggestedName | Should -BeExactly 'LINEAR_API_KEY'
            $check.Reason | Should -Match 'did you mean LINEAR_API_KEY\?'
            (Test-SophiaSecretName LINEAR_APY_KEY -Detailed).SuggestedName | Should -BeExactly 'LINEAR_API_KEY'
        }

        It 'flags names GitHub refuses' {
            $check = Test-SophiaSecretName GITHUB_PAT -Detailed
            $check.GitHubCompatible | Should -BeFalse
            $check.Reason | Should -Match 'GH_PAT'
        }
    }
}
