import RecEngine
