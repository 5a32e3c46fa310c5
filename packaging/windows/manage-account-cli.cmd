@echo off
rem Manage Account with a console, for the receipt commands: manage-account-cli receipt ID --output FILE.pdf
"%~dp0python\python.exe" -I -m desktop %*
