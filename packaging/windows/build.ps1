<#
.SYNOPSIS
Builds Attune's Windows installer: dist\attune-<version>-windows-x64-setup.exe

.DESCRIPTION
Not built by CI: this recipe is written to be run on Windows; it has not been run on
this project's CI, which runs on Linux.

One command, in the repository's folder:

    powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1

It needs 64-bit Python 3.11 or newer (python.org, or "py" from the Python launcher) and
Inno Setup 6.3 or newer. It makes a fresh venv in build\windows-venv, installs Attune
and PyInstaller into it, makes packaging\windows\attune.ico from the icon's PNGs, runs
PyInstaller with packaging\attune.spec (giving dist\attune\attune.exe, attune-cli.exe
and _internal\), and compiles packaging\windows\attune.iss with Inno Setup's ISCC.exe.

Optional environment variables:
  ATTUNE_PYTHON                    the python.exe to build with (default: py -3.13/-3.12/-3.11, then python)
  ATTUNE_ISCC                      the ISCC.exe to use (default: PATH, then Inno Setup 6 in Program Files)
  ATTUNE_WINDOWS_SIGN_THUMBPRINT   SHA-1 thumbprint of a code-signing certificate in your
                                   certificate store: the programs, the installer and its
                                   uninstaller are then signed with signtool.exe
  ATTUNE_WINDOWS_TIMESTAMP_URL     the RFC 3161 timestamp server of your certificate's issuer
                                   (needed with the thumbprint)
#>
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

# ProviderPath: a plain path also for a checkout on a network share (\\server\share).
$Root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).ProviderPath
Set-Location $Root
$Venv = Join-Path $Root 'build\windows-venv'
$VenvPython = Join-Path $Venv 'Scripts\python.exe'

function Fail([string]$Message) {
    Write-Host ''
    Write-Host "build.ps1: $Message" -ForegroundColor Red
    exit 1
}

function Step([string]$Message) {
    Write-Host ''
    Write-Host "==> $Message" -ForegroundColor Cyan
}

# A native program's failure does not stop the script; its exit code does, here. (What
# it writes to stderr, like PyInstaller's progress, is not taken for an error.)
function Invoke-Native([string]$Program, [string[]]$Arguments, [string]$WhatFailed) {
    $saved = $ErrorActionPreference
    $ErrorActionPreference = 'Continue'
    & $Program @Arguments
    $code = $LASTEXITCODE
    $ErrorActionPreference = $saved
    if ($code -ne 0) {
        Fail "$WhatFailed (exit code $code from $Program)."
    }
}

# A Python 3.11+ for 64-bit Windows, as a program and its leading arguments.
function Find-Python {
    $candidates = @()
    if ($env:ATTUNE_PYTHON) {
        $candidates += , @($env:ATTUNE_PYTHON)
    } else {
        if (Get-Command py -ErrorAction SilentlyContinue) {
            foreach ($minor in '3.14', '3.13', '3.12', '3.11') { $candidates += , @('py', "-$minor") }
            $candidates += , @('py', '-3')
        }
        $candidates += , @('python')
    }
    # No double quotes in it: Windows PowerShell 5.1 passes them to programs unescaped.
    $probe = 'import sys, sysconfig; print(sys.version_info >= (3, 11) and sysconfig.get_platform() == ''win-amd64'')'
    foreach ($candidate in $candidates) {
        $program = $candidate[0]
        $leading = @($candidate | Select-Object -Skip 1)
        if (-not (Get-Command $program -ErrorAction SilentlyContinue)) { continue }
        $saved = $ErrorActionPreference
        $ErrorActionPreference = 'Continue'   # a missing version writes to stderr
        $answer = & $program @leading -c $probe 2>$null
        $ErrorActionPreference = $saved
        if ($LASTEXITCODE -eq 0 -and "$answer".Trim() -eq 'True') { return , $candidate }
    }
    Fail ("No 64-bit Python 3.11 or newer found. Install it from python.org (tick " +
          "'Add python.exe to PATH', or use the 'py' launcher it installs), or set " +
          "ATTUNE_PYTHON to its python.exe.")
}

function Find-Iscc {
    if ($env:ATTUNE_ISCC) {
        if (Test-Path $env:ATTUNE_ISCC) { return $env:ATTUNE_ISCC }
        Fail "ATTUNE_ISCC is set to '$env:ATTUNE_ISCC', which does not exist."
    }
    $onPath = Get-Command 'ISCC.exe' -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    $places = @(${env:ProgramFiles(x86)}, $env:ProgramFiles, (Join-Path $env:LOCALAPPDATA 'Programs')) |
        Where-Object { $_ }
    foreach ($place in $places) {
        $candidate = Join-Path $place 'Inno Setup 6\ISCC.exe'
        if (Test-Path $candidate) { return $candidate }
    }
    Fail ("Inno Setup 6 was not found (ISCC.exe, on PATH or in 'Inno Setup 6' under " +
          "Program Files). Install Inno Setup 6.3 or newer from https://jrsoftware.org/isdl.php " +
          "(or: winget install JRSoftware.InnoSetup), or set ATTUNE_ISCC to its ISCC.exe, " +
          "then run this again.")
}

function Find-Signtool {
    $onPath = Get-Command 'signtool.exe' -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    $kits = Join-Path ${env:ProgramFiles(x86)} 'Windows Kits\10\bin'
    if (Test-Path $kits) {
        $found = Get-ChildItem -Path $kits -Filter 'signtool.exe' -Recurse -ErrorAction SilentlyContinue |
            Where-Object { $_.Directory.Name -eq 'x64' } |
            Sort-Object { try { [version]$_.Directory.Parent.Name } catch { [version]'0.0' } } -Descending |
            Select-Object -First 1
        if ($found) { return $found.FullName }
    }
    Fail ("ATTUNE_WINDOWS_SIGN_THUMBPRINT is set, but signtool.exe was not found. It " +
          "comes with the Windows SDK ('Windows SDK Signing Tools for Desktop Apps').")
}

if ($env:OS -ne 'Windows_NT') { Fail 'This recipe builds the Windows installer and runs only on Windows.' }

# Everything that can be missing is looked for first, before the long part.
$Python = Find-Python
$Iscc = Find-Iscc
$Signing = [bool]$env:ATTUNE_WINDOWS_SIGN_THUMBPRINT
if ($Signing) {
    if (-not $env:ATTUNE_WINDOWS_TIMESTAMP_URL) {
        Fail 'ATTUNE_WINDOWS_SIGN_THUMBPRINT is set without ATTUNE_WINDOWS_TIMESTAMP_URL.'
    }
    $Signtool = Find-Signtool
}

$init = Get-Content -Raw -Encoding UTF8 (Join-Path $Root 'desktop_app\__init__.py')
if (-not ($init -match '(?m)^__version__ = "([^"]+)"')) { Fail 'No __version__ in desktop_app\__init__.py.' }
$Version = $Matches[1]
# Windows' version fields take four numbers: "1.2.0rc1" gives 1.2.0.0.
if (-not ($Version -match '^\d+(\.\d+){0,3}')) { Fail "The version '$Version' does not start with a number." }
$numbers = @($Matches[0].Split('.') + @('0', '0', '0', '0'))[0..3]
$VersionNumeric = $numbers -join '.'

Write-Host "Attune $Version for Windows x64"
Write-Host "Python: $($Python -join ' ')"
Write-Host "Inno Setup: $Iscc"

Step "A fresh venv in $Venv"
if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
$pythonProgram = $Python[0]
$pythonLeading = @($Python | Select-Object -Skip 1)
Invoke-Native $pythonProgram ($pythonLeading + @('-m', 'venv', $Venv)) 'Making the venv failed'
Invoke-Native $VenvPython @('-m', 'pip', 'install', '--upgrade', 'pip') 'Upgrading pip failed'

Step 'Installing Attune and PyInstaller'
# The package extra pins PyInstaller to 6.x, whose hooks the spec is written for.
Invoke-Native $VenvPython @('-m', 'pip', 'install', '.[package]') 'pip install .[package] failed'

Step 'Preparing the SAPI5 speech wrapper (comtypes.gen.SpeechLib)'
# pyttsx3's SAPI5 driver generates this module on first use; generated here, in the
# venv, PyInstaller collects it and the installed app never writes code into %TEMP%.
Invoke-Native $VenvPython @('-c', 'import pyttsx3.drivers.sapi5') `
    'Importing pyttsx3.drivers.sapi5 failed: Windows speech (SAPI5) is needed to build'

Step 'Making packaging\windows\attune.ico'
Invoke-Native $VenvPython @('packaging\windows\make_ico.py') 'Making the icon failed'

Step 'PyInstaller: dist\attune\'
Invoke-Native (Join-Path $Venv 'Scripts\pyinstaller.exe') @('--noconfirm', '--clean', 'packaging\attune.spec') `
    'PyInstaller failed'
foreach ($program in 'attune.exe', 'attune-cli.exe') {
    if (-not (Test-Path (Join-Path $Root "dist\attune\$program"))) {
        Fail ("dist\attune\$program was not made: see PyInstaller's output above " +
              "(the spec's Windows part is explained in packaging\platform_spec_notes.md).")
    }
}
$said = (& (Join-Path $Root 'dist\attune\attune-cli.exe') '--version' | Out-String).Trim()
if ($LASTEXITCODE -ne 0 -or $said -ne "attune $Version") {
    Fail "dist\attune\attune-cli.exe --version said '$said', not 'attune $Version'."
}
Write-Host "attune-cli.exe --version: $said"

$isccArguments = @("/DAppVersion=$Version", "/DAppVersionNumeric=$VersionNumeric", "/DRepoRoot=$Root")
if ($Signing) {
    Step 'Signing attune.exe and attune-cli.exe'
    $signArguments = @('sign', '/sha1', $env:ATTUNE_WINDOWS_SIGN_THUMBPRINT, '/fd', 'SHA256',
                       '/tr', $env:ATTUNE_WINDOWS_TIMESTAMP_URL, '/td', 'SHA256')
    Invoke-Native $Signtool ($signArguments + @('dist\attune\attune.exe', 'dist\attune\attune-cli.exe')) `
        'Signing the programs failed'
    # Inno Setup signs the installer and the uninstaller it writes with this command;
    # $q is a quote and $f the file, both filled in by ISCC.
    $isccArguments += '/DSignSetup'
    $isccArguments += ('/Sattune=$q' + $Signtool + '$q ' + ($signArguments -join ' ') + ' $f')
}

Step 'Inno Setup: the installer'
$isccArguments += 'packaging\windows\attune.iss'
Invoke-Native $Iscc $isccArguments 'Inno Setup could not compile packaging\windows\attune.iss'

$Setup = Join-Path $Root "dist\attune-$Version-windows-x64-setup.exe"
if (-not (Test-Path $Setup)) { Fail "Inno Setup finished, but $Setup is not there." }
$size = [math]::Round((Get-Item $Setup).Length / 1MB, 1)
Write-Host ''
Write-Host "Done: $Setup ($size MB)" -ForegroundColor Green
if (-not $Signing) {
    Write-Host 'Not signed: Windows SmartScreen will warn whoever runs it (see packaging\windows\README.md).'
}
