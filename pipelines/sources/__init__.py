"""Sources: archive files, platform exports, the synthetic sample stream."""
